package org.gaudi.cli;

import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the optional reference data lives for checks and benchmarks (never needed by the product itself). */
final class SharedDataLocation {
    private SharedDataLocation() {
    }

    static Path root() {
        String p = System.getProperty("gaudi.shared.data");
        return p == null ? Paths.get("../shared/data") : Paths.get(p);
    }

    static Path compasB3lyp() {
        return root().resolve("compas/compas-1d-b3lyp.csv");
    }
}
