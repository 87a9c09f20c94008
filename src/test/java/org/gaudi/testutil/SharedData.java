package org.gaudi.testutil;

import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Locates the reference data in {@code ../shared/data} (system property {@code gaudi.shared.data}). Tests that
 * need it call {@link #require(String)}, which skips the test with a visible message when the data is absent
 * (a fresh clone); CI has it.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        return Paths.get(System.getProperty("gaudi.shared.data", "../shared/data"));
    }

    /** COMPAS-1D B3LYP CSV (8,678 cc-PBHs). */
    public static Path compasB3lyp() {
        return require("compas/compas-1d-b3lyp.csv");
    }

    /** COMPAS-1D CAM-B3LYP CSV. */
    public static Path compasCamB3lyp() {
        return require("compas/compas-1d-cam-b3lyp.csv");
    }

    /**
     * A file of {@code ../shared/golden/} (GaUDI's own outputs for small networks; the sibling of the data root),
     * or skips the calling test with a message when it is absent.
     */
    public static Path golden(String name) {
        Path p = root().toAbsolutePath().normalize().resolveSibling("golden").resolve(name);
        if (!Files.isRegularFile(p)) {
            System.err.println("SKIPPED: golden reference outputs not found at " + p
                    + " (golden-value tests need ../shared/golden)");
        }
        assumeTrue("golden reference outputs not found at " + p, Files.isRegularFile(p));
        return p;
    }

    /** Returns the file under the shared data root, or skips the calling test with a message if it is absent. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        if (!Files.isRegularFile(p)) {
            System.err.println("SKIPPED: shared reference data not found at " + p.toAbsolutePath()
                    + " (tests on COMPAS data need ../shared/data)");
        }
        assumeTrue("shared reference data not found at " + p.toAbsolutePath(), Files.isRegularFile(p));
        return p;
    }
}
