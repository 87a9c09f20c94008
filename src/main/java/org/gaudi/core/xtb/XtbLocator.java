package org.gaudi.core.xtb;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/** Finds the xtb executable: an explicit path (a setting or {@code --xtb}) if given, else the first on PATH. */
public final class XtbLocator {
    /** How to get xtb, for messages when it is missing. */
    public static final String INSTALL_HINT = "install it (Debian/Ubuntu: apt-get install xtb; conda: conda install"
            + " -c conda-forge xtb) or give the path of the xtb executable";

    private XtbLocator() {
    }

    /**
     * The executable to run.
     *
     * @param explicit a path the user gave, or null/blank to search PATH
     * @throws XtbUnavailableException saying what was looked for and how to install xtb
     */
    public static Path locate(String explicit) throws XtbUnavailableException {
        return locate(explicit, System.getenv("PATH"));
    }

    static Path locate(String explicit, String pathVariable) throws XtbUnavailableException {
        if (explicit != null && !explicit.isBlank()) {
            Path p = Paths.get(explicit.trim());
            if (!Files.isRegularFile(p)) {
                throw new XtbUnavailableException("xtb executable " + p + " does not exist; " + INSTALL_HINT);
            }
            if (!Files.isExecutable(p)) {
                throw new XtbUnavailableException("xtb executable " + p + " is not executable (chmod +x)");
            }
            return p.toAbsolutePath();
        }
        return onPath(pathVariable).orElseThrow(() -> new XtbUnavailableException("xtb was not found on PATH; "
                + INSTALL_HINT));
    }

    /** The first executable file named xtb in the directories of a PATH value. */
    static Optional<Path> onPath(String pathVariable) {
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Paths.get(dir, "xtb");
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p.toAbsolutePath());
            }
        }
        return Optional.empty();
    }
}
