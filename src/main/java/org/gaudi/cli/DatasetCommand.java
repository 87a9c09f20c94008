package org.gaudi.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.gaudi.core.data.DatasetChecks;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.huckel.HuckelCheck;
import org.gaudi.core.pah.CataBenzenoidEnumerator;
import org.gaudi.core.pas.HeteroSpace;
import org.gaudi.core.pas.HeteroSpaceCheck;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./gaudi dataset}: the data layer's self-checks on the embedded set and on COMPAS-1D when present. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = {"Checks the molecule data layer and prints one figure per line.",
                "With --check: enumeration counts, COMPAS-1D membership and graph-of-rings round trip,"
                        + " and the Hückel gap correlation with DFT (reads ../shared/data when present).",
                "With --check --space hetero: the hetero space's size per ring count, the round trip of every"
                        + " molecule and the ring-type census."})
public final class DatasetCommand implements Callable<Integer> {

    @Option(names = "--check", description = "Run the data-layer checks.")
    boolean check;

    @Option(names = "--compas", paramLabel = "CSV",
            description = "COMPAS-1D CSV to check against (default: <shared data>/compas/compas-1d-b3lyp.csv).")
    Path compas;

    @Option(names = "--max-rings", paramLabel = "N",
            description = "Largest ring count to enumerate (default: 11 benzenoid, 8 hetero).")
    Integer maxRings;

    @Option(names = "--space", defaultValue = "benzenoid", paramLabel = "benzenoid|hetero",
            description = "Embedded space to check: 'benzenoid' (enumeration counts, COMPAS-1D) or 'hetero' (size"
                    + " per ring count, graph-of-rings round trip by InChI, ring-type census)"
                    + " (default: ${DEFAULT-VALUE}).")
    String space;

    @Override
    public Integer call() {
        return org.gaudi.cli.CliErrors.guard("dataset", this::body);
    }

    private int body() throws Exception {
        if (!check) {
            System.out.println("Nothing to do: use --check (see --help).");
            return 2;
        }
        EmbeddedDataset.Space sp;
        try {
            sp = EmbeddedDataset.Space.of(space);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--space " + space + ": expected benzenoid or hetero");
        }
        int maxRings = this.maxRings != null ? this.maxRings : sp.maxRings();
        if (maxRings < 1 || maxRings > sp.maxRings()) {
            throw new IllegalArgumentException("--max-rings " + maxRings + ": the " + sp.key() + " space has 1.."
                    + sp.maxRings() + " rings");
        }
        if (sp == EmbeddedDataset.Space.HETERO) {
            for (String line : HeteroSpaceCheck.run(HeteroSpace.standard(), maxRings)) {
                System.out.println(line);
            }
            // timings on a shared machine mean little without the load
            System.out.println("load-average: " + (Files.isReadable(Path.of("/proc/loadavg"))
                    ? Files.readString(Path.of("/proc/loadavg")).trim() : "n/a"));
            return 0;
        }
        long t0 = System.nanoTime();
        int[] counts = CataBenzenoidEnumerator.counts(maxRings);
        long total = 0;
        for (int h = 1; h <= maxRings; h++) {
            System.out.printf(Locale.ROOT, "enumerated-h%d: %d%n", h, counts[h - 1]);
            total += counts[h - 1];
        }
        System.out.printf(Locale.ROOT, "enumerated-h1-%d: %d%n", maxRings, total);
        System.out.printf(Locale.ROOT, "enumeration-seconds: %.2f%n", (System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "planar-h1-%d: %d%n", maxRings, DatasetChecks.planarCount(maxRings));

        if (compas != null && !Files.isRegularFile(compas)) {
            throw new IllegalArgumentException("--compas " + compas + ": " + (Files.isDirectory(compas)
                    ? "is a folder; expected the COMPAS-1D CSV file" : "no such file"));
        }
        Path csv = compas != null ? compas : SharedDataLocation.compasB3lyp();
        if (csv == null || !Files.isRegularFile(csv)) {
            System.out.println("compas1d: not found (" + (csv == null ? "no shared data folder" : csv)
                    + "); COMPAS-1D checks skipped. Pass --compas CSV to run them.");
            return 0;
        }
        DatasetChecks.CompasReport r = DatasetChecks.compas(csv);
        System.out.printf(Locale.ROOT, "compas1d-members: %d/%d%n", r.members(), r.rows());
        System.out.printf(Locale.ROOT, "compas1d-roundtrip: %d/%d%n", r.roundTrips(), r.rows());
        if (!r.failures().isEmpty()) {
            System.out.println("compas1d-failures (first " + r.failures().size() + "): " + r.failures());
        }
        System.out.print(HuckelCheck.run(csv).format());
        return 0;
    }
}
