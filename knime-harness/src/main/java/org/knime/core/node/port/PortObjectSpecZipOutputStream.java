package org.knime.core.node.port;

import java.io.OutputStream;
import java.util.zip.ZipOutputStream;

// Mirrors org.knime.core.node.port.PortObjectSpecZipOutputStream, KNIME 5.5.0 (knime-core analytics-platform/5.5.0):
// compile-only subset.
/** Harness stand-in; obtain one from {@link PortUtil}. */
public class PortObjectSpecZipOutputStream extends ZipOutputStream {

    PortObjectSpecZipOutputStream(final OutputStream stream) {
        super(stream);
    }
}
