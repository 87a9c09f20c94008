package org.gaudi.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaudi.core.data.CompasCsvReader;
import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.FallbackReason;
import org.gaudi.core.data.HoldOutBest;
import org.gaudi.core.data.Rejection;
import org.gaudi.core.data.RejectionReason;
import org.gaudi.core.data.SdfDatasetReader;
import picocli.CommandLine.Option;

/**
 * Where training data come from, shared by the commands that read molecules: an embedded space (cata-condensed
 * benzenoids by default, or hetero PASs) or a COMPAS-style CSV / an SD file, with a ring range.
 */
final class DataSourceOptions {
    static final String EMBEDDED = "embedded";

    @Option(names = "--data", defaultValue = EMBEDDED, paramLabel = "embedded|FILE.csv|FILE.sdf",
            description = "Molecules to use: 'embedded' (every cata-condensed benzenoid with --min-rings..--max-rings"
                    + " rings, generated on the fly), a CSV with 'molecule' and 'smiles' columns (COMPAS style;"
                    + " geometries from --xyz) or an SD file (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--space", defaultValue = "benzenoid", paramLabel = "benzenoid|hetero",
            description = "With --data embedded: 'benzenoid' (every cata-condensed benzenoid, 1-11 rings) or 'hetero'"
                    + " (cata-condensed hetero-polycyclic aromatic systems from GaUDI's ring types, 1-8 rings;"
                    + " see ./gaudi dataset --check --space hetero) (default: ${DEFAULT-VALUE}).")
    String space;

    @Option(names = "--min-rings", paramLabel = "N",
            description = "Leave out molecules with fewer rings (default: 1).")
    Integer minRings;

    @Option(names = "--max-rings", paramLabel = "N",
            description = "Leave out molecules with more rings; also the model's ring capacity (default: 11).")
    Integer maxRings;

    @Option(names = "--properties", split = ",", paramLabel = "COL",
            description = "Property columns (CSV) or data items (SDF) to read with the molecules (default: none;"
                    + " the diffusion model does not use them).")
    List<String> properties = new ArrayList<>();

    @Option(names = "--xyz", paramLabel = "DIR|TAR.GZ",
            description = "CSV only: folder or .tar.gz of <molecule>.xyz geometries (without it, benzenoids are"
                    + " embedded from their SMILES and other molecules are rejected).")
    Path xyz;

    @Option(names = "--hold-out-top", paramLabel = "Q",
            description = "Leave out, per ring count, the share Q (e.g. 0.05) of molecules with the highest"
                    + " --hold-out-property, so that a model can be asked to design beyond its training data"
                    + " (default: none).")
    Double holdOutTop;

    @Option(names = "--hold-out-property", paramLabel = "COL", defaultValue = "HMO_GAP_eV",
            description = "The property that --hold-out-top ranks by (default: ${DEFAULT-VALUE}).")
    String holdOutProperty;

    int minRingsOr(int fallback) {
        return minRings != null ? minRings : fallback;
    }

    /** The given --max-rings, else the fallback, capped at the embedded space's largest ring count. */
    int maxRingsOr(int fallback) {
        if (maxRings != null) {
            return maxRings;
        }
        return isEmbedded() ? Math.min(fallback, embeddedSpace().maxRings()) : fallback;
    }

    /** The embedded space chosen with --space. */
    EmbeddedDataset.Space embeddedSpace() {
        try {
            return EmbeddedDataset.Space.of(space);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--space " + space + ": expected benzenoid or hetero");
        }
    }

    /** Fails with the option names when the ring range is empty or starts below 1. */
    static void checkRange(int min, int max) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("ring range must satisfy 1 <= --min-rings <= --max-rings, got " + min
                    + ".." + max);
        }
    }

    boolean isEmbedded() {
        return EMBEDDED.equalsIgnoreCase(data.trim());
    }

    /**
     * Reads the molecules with a progress display and prints a one-line summary (and the rejection counts).
     *
     * @throws IllegalArgumentException for a bad ring range or file type
     */
    Dataset load(int min, int max, ConsoleProgress.Mode mode, PrintStream out) throws IOException {
        checkRange(min, max);
        Dataset d;
        if (isEmbedded()) {
            EmbeddedDataset.Space sp = embeddedSpace();
            if (max > sp.maxRings()) {
                throw new IllegalArgumentException("the embedded " + sp.key() + " space has at most "
                        + sp.maxRings() + " rings; got --max-rings " + max);
            }
            if (xyz != null) {
                throw new IllegalArgumentException("--xyz applies to CSV data only");
            }
            long total = sp == EmbeddedDataset.Space.BENZENOID ? EmbeddedDataset.size(min, max) : -1;
            try (ConsoleProgress p = ConsoleProgress.start("molecules", total, mode, out, 0.25)) {
                d = EmbeddedDataset.generate(sp, min, max, done -> p.stepTo(done, null));
            }
        } else {
            if (!"benzenoid".equalsIgnoreCase(space.trim())) {
                throw new IllegalArgumentException("--space applies to --data embedded only");
            }
            Path file = Paths.get(data);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--data " + data + ": no such file (use 'embedded' or a .csv/.sdf"
                        + " file)");
            }
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            try (ConsoleProgress p = ConsoleProgress.start("reading " + file.getFileName(), -1, mode, out, 0.25)) {
                if (name.endsWith(".csv")) {
                    CompasCsvReader.Options o = CompasCsvReader.Options.of(properties).withMaxRings(max)
                            .withXyzSource(xyz).withProgress((done, total) -> progress(p, done, total));
                    d = new CompasCsvReader().read(file, o);
                } else if (name.endsWith(".sdf") || name.endsWith(".sd") || name.endsWith(".mol")) {
                    if (xyz != null) {
                        throw new IllegalArgumentException("--xyz applies to CSV data only (an SD file has its own"
                                + " coordinates)");
                    }
                    SdfDatasetReader.Options o = SdfDatasetReader.Options.of(properties).withMaxRings(max)
                            .withProgress((done, total) -> progress(p, done, total));
                    d = new SdfDatasetReader().read(file, o);
                } else {
                    throw new IllegalArgumentException("--data " + data + ": expected a .csv or .sdf file");
                }
            }
        }
        if (holdOutTop != null) {
            if (!d.propertyNames().contains(holdOutProperty) && !isEmbedded()) {
                throw new IllegalArgumentException("--hold-out-property " + holdOutProperty + " is not among the"
                        + " properties read (" + d.propertyNames() + "); add it to --properties");
            }
            HoldOutBest.Split split = new HoldOutBest(holdOutProperty, holdOutTop).apply(d);
            out.printf(Locale.ROOT, "hold-out: %d molecules with the best %s left out; training maximum per ring"
                    + " count %s%n", split.heldOut().size(), holdOutProperty, split.trainingMax());
            d = split.kept();
        }
        out.printf(Locale.ROOT, "data: %s: %d molecules, %d rejected%n", d.source(), d.size(),
                d.rejections().size());
        for (Map.Entry<RejectionReason, Integer> e : d.rejectionCounts().entrySet()) {
            out.printf(Locale.ROOT, "  rejected %s: %d%n", e.getKey(), e.getValue());
        }
        listRejections(d.rejections(), out);
        if (!d.geometryFallbacks().isEmpty()) {
            out.printf(Locale.ROOT, "geometry: %d of %d molecules use lattice coordinates instead of the given ones%n",
                    d.geometryFallbacks().size(), d.size());
            for (Map.Entry<FallbackReason, Integer> e : d.fallbackCounts().entrySet()) {
                out.printf(Locale.ROOT, "  fallback %s: %d%n", e.getKey(), e.getValue());
            }
            listCapped(d.geometryFallbacks(), null, out);
        }
        return d;
    }

    /** Rejected records listed before "… and N more". */
    static final int REJECTIONS_LISTED = 20;

    /** Each rejected record with file, line, id and reason, capped at {@link #REJECTIONS_LISTED}. */
    static void listRejections(List<Rejection> rejections, PrintStream out) {
        listCapped(rejections, "rejection table lists them all", out);
    }

    /** Each item on its own line, capped at {@link #REJECTIONS_LISTED}; {@code rest}, if any, says where the others are. */
    private static void listCapped(List<?> items, String rest, PrintStream out) {
        for (int i = 0; i < Math.min(REJECTIONS_LISTED, items.size()); i++) {
            out.println("  " + items.get(i));
        }
        if (items.size() > REJECTIONS_LISTED) {
            out.printf(Locale.ROOT, "  … and %d more%s%n", items.size() - REJECTIONS_LISTED,
                    rest == null ? "" : " (the GOR Dataset Reader node's " + rest + ")");
        }
    }

    private static void progress(ConsoleProgress p, long done, long total) {
        p.update(done, total, null);
    }

    String describe(int min, int max) {
        return (isEmbedded() ? "embedded " + embeddedSpace().key() : data) + " " + min + "-" + max + " rings";
    }
}
