package org.gaudi.core.xtb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Shell scripts that stand in for xtb (POSIX only). */
final class FakeXtb {
    private FakeXtb() {
    }

    /** An executable script named xtb in {@code dir} with this body (after the shebang). */
    static Path script(Path dir, String body) throws IOException {
        Files.createDirectories(dir);
        Path p = dir.resolve("xtb");
        Files.writeString(p, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    static boolean posix() {
        return !System.getProperty("os.name", "").toLowerCase().contains("win");
    }
}
