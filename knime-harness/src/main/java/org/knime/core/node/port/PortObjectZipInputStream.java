package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

// Mirrors org.knime.core.node.port.PortObjectZipInputStream, KNIME 5.5.0 (knime-core analytics-platform/5.5.0):
// compile-only subset.
/** Harness stand-in; obtain one from {@link PortUtil}. */
public class PortObjectZipInputStream extends ZipInputStream {

    PortObjectZipInputStream(final InputStream stream) {
        super(stream);
    }
}
