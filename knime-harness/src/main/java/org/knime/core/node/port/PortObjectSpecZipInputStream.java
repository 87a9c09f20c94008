package org.knime.core.node.port;

import java.io.InputStream;
import java.util.zip.ZipInputStream;

/** Harness stand-in for {@code org.knime.core.node.port.PortObjectSpecZipInputStream}; obtain one from {@link PortUtil}. */
public class PortObjectSpecZipInputStream extends ZipInputStream {

    PortObjectSpecZipInputStream(final InputStream stream) {
        super(stream);
    }
}
