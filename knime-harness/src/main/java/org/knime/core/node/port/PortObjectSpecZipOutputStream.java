package org.knime.core.node.port;

import java.io.OutputStream;
import java.util.zip.ZipOutputStream;

/** Harness stand-in for {@code org.knime.core.node.port.PortObjectSpecZipOutputStream}; obtain one from {@link PortUtil}. */
public class PortObjectSpecZipOutputStream extends ZipOutputStream {

    PortObjectSpecZipOutputStream(final OutputStream stream) {
        super(stream);
    }
}
