package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

// Mirrors org.knime.core.node.port.PortObjectSpecZipInputStream, KNIME 5.5.0 (knime-core analytics-platform/5.5.0):
// compile-only subset.
/** Harness stand-in; obtain one from {@link PortUtil}. */
public class PortObjectSpecZipInputStream extends ZipInputStream {

    PortObjectSpecZipInputStream(final InputStream stream) {
        super(stream);
    }
}
