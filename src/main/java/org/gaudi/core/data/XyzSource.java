package org.gaudi.core.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Where per-molecule xyz geometries come from: a folder of {@code <molecule>.xyz} files or a {@code .tar.gz} /
 * {@code .tgz} archive of them (entries matched by file name, whatever folder they sit in).
 */
public abstract class XyzSource {

    /** One xyz file's text and a name for messages. */
    public static final class XyzFile {
        private final String name;
        private final String text;
        private final Utf8LineReader.BadByte badByte;

        XyzFile(String name, byte[] content) {
            Utf8LineReader.Decoded d = Utf8LineReader.decode(content);
            this.name = name;
            this.text = d.text();
            this.badByte = d.firstBadByte();
        }

        /** The first byte that is not UTF-8 (the text has U+FFFD there), or null. */
        public Utf8LineReader.BadByte badByte() {
            return badByte;
        }

        /** Path of the file, or {@code archive!entry} for an archive member. */
        public String name() {
            return name;
        }

        public String text() {
            return text;
        }
    }

    /** The geometry of a molecule id, or null when the source has none for it. */
    public abstract XyzFile find(String moleculeId) throws IOException;

    /**
     * Opens a folder or a tar.gz archive. For an archive only the entries named after {@code wantedIds} are kept in
     * memory (one pass over the archive).
     *
     * @throws DatasetFormatException if the path is neither a folder nor a readable .tar.gz/.tgz file
     */
    public static XyzSource open(Path path, Collection<String> wantedIds) throws IOException {
        if (Files.isDirectory(path)) {
            return new Folder(path);
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(path)) {
            throw new DatasetFormatException("xyz source " + path + " does not exist");
        }
        if (!name.endsWith(".tar.gz") && !name.endsWith(".tgz")) {
            throw new DatasetFormatException("xyz source " + path
                    + " must be a folder of <molecule>.xyz files or a .tar.gz/.tgz archive of them");
        }
        return TarGz.load(path, new HashSet<>(wantedIds));
    }

    private static final class Folder extends XyzSource {
        private final Path dir;

        Folder(Path dir) {
            this.dir = dir;
        }

        @Override
        public XyzFile find(String moleculeId) throws IOException {
            if (moleculeId.contains("/") || moleculeId.contains("\\") || moleculeId.startsWith(".")) {
                return null; // never resolve ids outside the folder
            }
            Path f = dir.resolve(moleculeId + ".xyz");
            if (!Files.isRegularFile(f)) {
                return null;
            }
            return new XyzFile(f.toString(), Files.readAllBytes(f));
        }
    }

    private static final class TarGz extends XyzSource {
        private final Map<String, XyzFile> files;

        private TarGz(Map<String, XyzFile> files) {
            this.files = files;
        }

        static TarGz load(Path archive, Set<String> wanted) throws IOException {
            Map<String, XyzFile> files = new HashMap<>();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(archive));
                    GzipCompressorInputStream gz = new GzipCompressorInputStream(in);
                    TarArchiveInputStream tar = new TarArchiveInputStream(gz)) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    if (!e.isFile()) {
                        continue;
                    }
                    String entry = e.getName();
                    String base = entry.substring(entry.lastIndexOf('/') + 1);
                    if (!base.endsWith(".xyz") || base.startsWith("._")) {
                        continue; // "._x" are macOS resource forks
                    }
                    String id = base.substring(0, base.length() - 4);
                    if (wanted.contains(id) && !files.containsKey(id)) {
                        files.put(id, new XyzFile(archive + "!" + entry, tar.readAllBytes()));
                    }
                }
            } catch (IOException e) {
                throw new DatasetFormatException("cannot read xyz archive " + archive + ": " + reason(e));
            }
            return new TarGz(files);
        }

        /** Why an archive could not be read, in words (an EOFException has no message). */
        private static String reason(IOException e) {
            if (e instanceof java.io.EOFException || e.getMessage() == null) {
                return "unexpected end of the archive (truncated or damaged" + (e.getMessage() == null ? ""
                        : ": " + e.getMessage()) + ")";
            }
            return e.getMessage();
        }

        @Override
        public XyzFile find(String moleculeId) {
            return files.get(moleculeId);
        }
    }
}
