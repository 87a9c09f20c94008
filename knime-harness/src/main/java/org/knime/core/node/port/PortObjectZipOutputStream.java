package org.knime.core.node.port;

import java.io.OutputStream;
import java.util.zip.ZipOutputStream;

/** Harness stand-in for {@code org.knime.core.node.port.PortObjectZipOutputStream}; obtain one from {@link PortUtil}. */
public class PortObjectZipOutputStream extends ZipOutputStream {

    PortObjectZipOutputStream(final OutputStream stream) {
        super(stream);
    }
}
