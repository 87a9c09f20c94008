package org.gaudi.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.gaudi.cli.CliErrors;
import org.gaudi.cli.XtbOptions;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.huckel.LinearFit;
import org.gaudi.core.sampling.DesignWriters;
import org.gaudi.core.xtb.XtbCancelledException;
import org.gaudi.core.xtb.XtbOracleComparison;
import org.gaudi.core.xtb.XtbOutcome;
import org.gaudi.core.xtb.XtbRunner;
import org.gaudi.core.xtb.XtbUnavailableException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gaudi bench oracle}: our Hückel gaps against GFN2-xTB on random molecules of each embedded space. */
@Command(name = "oracle", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks the Hückel oracle against GFN2-xTB (the level of theory of GaUDI's COMPAS-1x data):"
                + " draws N random molecules (seeded) from each embedded space, decodes each to a molecule with"
                + " explicit H and our 3-D conformer, lets xtb optimise it (--opt --gfn 2) and reads the HOMO-LUMO"
                + " gap, then fits xtb gap = a + b * Hückel gap over the molecules xtb finished.",
                "",
                "Prints 'key: value' lines per space: oracle-<space>-r (Pearson r), -mae-eV (mean absolute error"
                        + " of the fitted line), -slope, -intercept-eV, -n, the count of every outcome (-ok, -timeout,"
                        + " -exit-code, -unparseable, -io-error, -bad-input) and -seconds.",
                "",
                "Needs the xtb executable (not shipped): on PATH or given with --xtb. Without one on PATH the"
                        + " command prints 'xtb: missing' and how to install it, and exits with 0 (like the other"
                        + " optional checks, e.g. COMPAS-1D in dataset --check); an --xtb path that is not an"
                        + " executable, or a run in which xtb failed on every molecule, exits with 1.",
                ""},
        footer = {"", "Examples:",
                "  ./gaudi bench oracle                      40 molecules of 2-8 rings from each space",
                "  ./gaudi bench oracle -n 10 --space hetero --xtb /opt/xtb/bin/xtb"})
public final class OracleBenchmark implements Callable<Integer> {

    @Option(names = "--xtb", paramLabel = "PATH", description = "The xtb executable (default: the first on PATH).")
    String xtb;

    @Option(names = {"-n", "--n"}, defaultValue = "40", paramLabel = "N",
            description = "Molecules drawn per space (default: ${DEFAULT-VALUE}).")
    int molecules;

    @Option(names = "--space", defaultValue = "benzenoid,hetero", split = ",", paramLabel = "NAME,...",
            description = "Embedded spaces (default: ${DEFAULT-VALUE}).")
    List<String> spaces;

    @Option(names = "--min-rings", defaultValue = "2", paramLabel = "N",
            description = "Fewest rings of a drawn molecule (default: ${DEFAULT-VALUE}).")
    int minRings;

    @Option(names = "--max-rings", defaultValue = "8", paramLabel = "N",
            description = "Most rings of a drawn molecule (default: ${DEFAULT-VALUE}; xtb's time grows with it).")
    int maxRings;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Seed of the draw (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Also write one row per drawn molecule (space, id, smiles, rings, huckel_gap_eV, xtb_gap_eV,"
                    + " xtb_status, xtb_error, seconds) to FILE.")
    Path csv;

    @Mixin
    XtbOptions options;

    @Option(names = "--quiet", description = "No progress lines on stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        return CliErrors.guard("bench oracle", this::run);
    }

    private int run() throws Exception {
        PrintStream out = System.out;
        XtbRunner runner;
        try {
            runner = options.runner(xtb);
        } catch (XtbUnavailableException e) {
            if (xtb != null && !xtb.isBlank()) {
                throw new IllegalArgumentException("--xtb: " + e.getMessage(), e); // a wrong path is bad input
            }
            out.println("xtb: missing");
            System.err.println("bench oracle: " + e.getMessage() + " (--xtb PATH); nothing measured");
            return 0;
        }
        if (molecules < 3) {
            throw new IllegalArgumentException("-n must be >= 3 for a linear fit, got " + molecules);
        }
        out.println("xtb: " + runner.executable());
        out.printf(Locale.ROOT, "oracle-seed: %d%noracle-rings: %d-%d%noracle-xtb-threads: %d%n", seed, minRings,
                maxRings, runner.settings().threads());
        out.printf(Locale.ROOT, "oracle-xtb-time-limit-s: %.0f%n", runner.settings().timeLimit().toMillis() / 1e3);
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread hook = new Thread(() -> cancelled.set(true), "oracle-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean anyOk = false;
        List<XtbOracleComparison.Result> results = new ArrayList<>();
        Map<EmbeddedDataset.Space, List<MoleculeRecord>> draws = new LinkedHashMap<>();
        try {
            for (String name : spaces) {
                EmbeddedDataset.Space space = EmbeddedDataset.Space.of(name);
                int max = Math.min(maxRings, space.maxRings());
                List<MoleculeRecord> drawn = XtbOracleComparison.draw(space, minRings, max, molecules, seed);
                String task = "oracle " + space.key();
                XtbOracleComparison.Result r = XtbOracleComparison.run(space, drawn, runner, (d, t, m) -> {
                    if (!quiet && d > 0) {
                        System.err.println(task + ": " + m);
                    }
                }, cancelled::get);
                print(out, r);
                anyOk |= r.tally().ok() > 0;
                results.add(r);
                draws.put(space, drawn);
            }
            if (csv != null) {
                writeCsv(results, draws);
                out.println("oracle-csv: " + csv);
            }
            out.println("load: " + BenchSupport.loadAverage());
            out.flush();
            if (!anyOk) {
                System.err.println("bench oracle: xtb did not finish any molecule; see the counts above");
                return 1;
            }
            return 0;
        } catch (XtbCancelledException e) {
            System.err.println("bench oracle: cancelled");
            return 130;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
    }

    private void writeCsv(List<XtbOracleComparison.Result> results,
            Map<EmbeddedDataset.Space, List<MoleculeRecord>> draws) throws IOException {
        DesignWriters.writeFiles(csv.toAbsolutePath().getParent(), Map.of(csv.getFileName().toString(), w -> {
            CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader("space", "id", "smiles", "rings",
                    "huckel_gap_eV", "xtb_gap_eV", "xtb_status", "xtb_error", "seconds").setRecordSeparator('\n')
                    .build());
            for (XtbOracleComparison.Result r : results) {
                List<MoleculeRecord> drawn = draws.get(r.space());
                for (int i = 0; i < r.drawn(); i++) {
                    XtbOutcome o = r.outcomes().get(i);
                    p.printRecord(r.space().key(), drawn.get(i).id(), drawn.get(i).smiles(),
                            drawn.get(i).ringCount(), r.huckelGaps()[i], o.gapEv(), o.status().key(), o.message(),
                            String.format(Locale.ROOT, "%.2f", o.seconds()));
                }
            }
            p.flush();
        }));
    }

    private static void print(PrintStream out, XtbOracleComparison.Result r) {
        String k = "oracle-" + r.space().key();
        out.printf(Locale.ROOT, "%s-drawn: %d%n", k, r.drawn());
        LinearFit f = r.fit();
        if (f == null) {
            out.printf(Locale.ROOT, "%s-r: none (fewer than 3 molecules finished)%n", k);
        } else {
            out.printf(Locale.ROOT, "%s-r: %.4f%n%s-mae-eV: %.4f%n%s-slope: %.4f%n%s-intercept-eV: %.4f%n%s-n: %d%n",
                    k, f.pearsonR(), k, f.meanAbsoluteError(), k, f.slope(), k, f.intercept(), k, f.count());
        }
        for (Map.Entry<String, String> e : r.tally().lines(k).entrySet()) {
            out.println(e.getKey() + ": " + e.getValue());
        }
        if (r.tally().firstFailure() != null) {
            out.println(k + "-first-failure: " + r.tally().firstFailure());
        }
    }
}
