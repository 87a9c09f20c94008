package org.knime.core.node.port;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.ZipEntry;

// Mirrors org.knime.core.node.port.PortUtil, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/**
 * Harness stand-in (stream factories only): as in KNIME, the output
 * streams are opened with a first entry ({@code portObject.file} / {@code portSpec.file}) that the matching input
 * streams skip before handing the stream to a serializer.
 */
public final class PortUtil {

    private PortUtil() {
    }

    public static PortObjectSpecZipOutputStream getPortObjectSpecZipOutputStream(final OutputStream in)
            throws IOException {
        PortObjectSpecZipOutputStream zipOut = new PortObjectSpecZipOutputStream(in);
        zipOut.putNextEntry(new ZipEntry("portSpec.file"));
        return zipOut;
    }

    public static PortObjectZipOutputStream getPortObjectZipOutputStream(final OutputStream in) throws IOException {
        PortObjectZipOutputStream zipOut = new PortObjectZipOutputStream(in);
        zipOut.putNextEntry(new ZipEntry("portObject.file"));
        return zipOut;
    }

    public static PortObjectSpecZipInputStream getPortObjectSpecZipInputStream(final InputStream in)
            throws IOException {
        PortObjectSpecZipInputStream zipIn = new PortObjectSpecZipInputStream(in);
        expect(zipIn.getNextEntry(), "portSpec.file");
        return zipIn;
    }

    public static PortObjectZipInputStream getPortObjectZipInputStream(final InputStream in) throws IOException {
        PortObjectZipInputStream zipIn = new PortObjectZipInputStream(in);
        expect(zipIn.getNextEntry(), "portObject.file");
        return zipIn;
    }

    private static void expect(ZipEntry entry, String name) throws IOException {
        if (entry == null || !name.equals(entry.getName())) {
            throw new IOException("Expected zip entry " + name + ", got " + (entry == null ? "none" : entry
                    .getName()));
        }
    }
}
