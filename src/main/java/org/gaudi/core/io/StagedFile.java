package org.gaudi.core.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file atomically: the content goes to a hidden temporary file beside the target, is flushed to disk and
 * moved over the target, so a failure or Ctrl-C never leaves a half-written file. The temporary file is created like
 * any other file (its mode follows the umask, e.g. rw-r--r--), not owner-only as {@code Files.createTempFile} would,
 * so the result is readable by whoever may read the folder. A failure names the target and the reason (e.g. "No
 * space left on device").
 */
public final class StagedFile {
    private StagedFile() {
    }

    /** What goes into the file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What goes into a text file (UTF-8); the writer is flushed, not closed, by the caller. */
    @FunctionalInterface
    public interface TextContent {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes UTF-8 text to {@code target} atomically (creating its folder if needed). */
    public static void writeText(Path target, TextContent content) throws IOException {
        write(target, utf8(content));
    }

    /** Writes a string as UTF-8 to {@code target} atomically. */
    public static void writeString(Path target, String text) throws IOException {
        writeText(target, w -> w.write(text));
    }

    /** The bytes of UTF-8 text, for {@link #stage}. */
    public static Content utf8(TextContent content) {
        return os -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
            content.writeTo(w);
            w.flush();
        };
    }

    /** Writes {@code content} to {@code target} atomically (creating its folder if needed). */
    public static void write(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = stage(abs.getParent(), abs.getFileName().toString(), content);
        try {
            commit(tmp, abs);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes {@code content} to a new temporary file in {@code dir} for the target {@code name} and flushes it to
     * disk; on failure the temporary file is removed and the exception names the target. Several staged files can
     * then be {@linkplain #commit committed} together.
     */
    public static Path stage(Path dir, String name, Content content) throws IOException {
        Path tmp = create(dir, name);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            OutputStream os = Channels.newOutputStream(ch);
            content.writeTo(os);
            os.flush();
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            if (e instanceof IOException io) {
                throw new IOException("cannot write " + dir.resolve(name) + ": " + reason(io), io);
            }
            throw e;
        }
        return tmp;
    }

    /** Moves a staged file over its target (atomically where the file system can). */
    public static void commit(Path staged, Path target) throws IOException {
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A new empty ".name.random.part" file in {@code dir}, with the default (umask) permissions. */
    private static Path create(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".part");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
