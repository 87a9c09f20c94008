package org.gaudi.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks where a command will write before it starts the long work, so that a bad {@code --out} fails in a second
 * instead of after hours of training. Nothing is created here: a failed run leaves no folder behind.
 */
final class OutputPaths {
    private OutputPaths() {
    }

    /** A model file: not a folder, and its folder exists (or can be created) and is writable. */
    static void checkFile(String option, Path file, String exampleName) {
        Path abs = file.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new IllegalArgumentException(option + " " + file + " is a folder; give a file name, e.g. "
                    + file.resolve(exampleName));
        }
        checkWritableFolder(option, file, abs.getParent());
    }

    /** An output folder: not an existing file, and it exists (or can be created) and is writable. */
    static void checkFolder(String option, Path dir) {
        Path abs = dir.toAbsolutePath();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IllegalArgumentException(option + " " + dir + " is an existing file; give a folder (it is"
                    + " created if needed)");
        }
        checkWritableFolder(option, dir, abs);
    }

    private static void checkWritableFolder(String option, Path given, Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new IllegalArgumentException(option + " " + given + ": " + existing + " is not a folder");
        }
        if (!Files.isWritable(existing)) {
            throw new IllegalArgumentException(option + " " + given + ": cannot write in " + existing
                    + " (permission denied)");
        }
    }
}
