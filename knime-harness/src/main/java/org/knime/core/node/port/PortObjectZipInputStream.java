package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/** Harness stand-in for {@code org.knime.core.node.port.PortObjectZipInputStream}; obtain one from {@link PortUtil}. */
public class PortObjectZipInputStream extends ZipInputStream {

    PortObjectZipInputStream(final InputStream stream) {
        super(stream);
    }
}
