package org.gaudi.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gaudi.core.chem.MoleculeIdentity;
import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.huckel.HuckelProperties;
import org.gaudi.core.objective.Direction;
import org.gaudi.core.sampling.DesignResult;
import org.gaudi.core.sampling.SyntheticDesigns;

/**
 * A small sweep over real molecules, as a design run would give it: the embedded benzenoids with 6 rings, decoded and
 * tabulated by the real code. "Unguided" (scale 0) takes every other dataset molecule; "guided" at scale 1 takes the
 * 16 with the largest Hückel gap; scale 3 the best 6, each twice (duplicates). Every run also gets broken graphs that
 * do not decode (invalid rows). The predicted gap is the Hückel gap plus a small deterministic error.
 */
final class ReportFixture {
    static final int RINGS = 6;
    static final List<String> NAMES = List.of(HuckelProperties.GAP_EV, HuckelProperties.LUMO_EV);
    static final String OBJECTIVE = "maximize " + HuckelProperties.GAP_EV;
    static final long SEED = 7;

    final Dataset data;
    final DatasetReference reference;
    final List<SweepRun> runs = new ArrayList<>();
    final Set<String> trainingKeys = new HashSet<>();
    private final int gapColumn;
    private final int lumoColumn;

    ReportFixture() throws Exception {
        data = EmbeddedDataset.generate(RINGS, RINGS, i -> { });
        reference = DatasetReference.of(data, HuckelProperties.GAP_EV, RINGS);
        gapColumn = data.propertyIndex(HuckelProperties.GAP_EV);
        lumoColumn = data.propertyIndex(HuckelProperties.LUMO_EV);
        List<MoleculeRecord> records = data.records();
        for (int i = 0; i < 10; i++) {
            trainingKeys.add(MoleculeIdentity.ofSmiles(records.get(i).smiles()).inchiKey());
        }
        List<MoleculeRecord> everyOther = new ArrayList<>();
        for (int i = 0; i < records.size(); i += 2) {
            everyOther.add(records.get(i));
        }
        List<MoleculeRecord> byGap = new ArrayList<>(records);
        byGap.sort(Comparator.comparingDouble((MoleculeRecord r) -> r.property(gapColumn)).reversed());
        List<MoleculeRecord> top16 = byGap.subList(0, 16);
        List<MoleculeRecord> top6Twice = new ArrayList<>(byGap.subList(0, 6));
        top6Twice.addAll(byGap.subList(0, 6));
        runs.add(new SweepRun(0, run(everyOther, 1, 0)));
        runs.add(new SweepRun(1, run(top16, 1, 1)));
        runs.add(new SweepRun(3, run(top6Twice, 4, 3)));
    }

    private DesignResult run(List<MoleculeRecord> molecules, int broken, double scale) {
        List<GraphOfRings> graphs = new ArrayList<>();
        List<double[]> predicted = new ArrayList<>();
        for (int i = 0; i < molecules.size(); i++) {
            MoleculeRecord r = molecules.get(i);
            graphs.add(r.gor());
            predicted.add(new double[] {r.property(gapColumn) + 0.05 * Math.sin(3 * i + scale),
                r.property(lumoColumn)});
        }
        for (int b = 0; b < broken; b++) {
            // six rings in a row, far apart: nothing is fused, nothing decodes
            double[][] c = new double[RINGS][];
            for (int k = 0; k < RINGS; k++) {
                c[k] = new double[] {9.0 * k + b, 0, 0};
            }
            graphs.add(GraphOfRings.benzenoid(c));
            predicted.add(new double[] {3.0 + b, -2.0});
        }
        return SyntheticDesigns.result(graphs, predicted, NAMES, List.of("eV", "eV"), OBJECTIVE, trainingKeys, scale,
                SEED);
    }

    SweepReport report(double guidedScale) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("objective", OBJECTIVE);
        settings.put("ringCount", RINGS);
        settings.put("molecules per scale", "varies");
        Map<String, Object> seeds = new LinkedHashMap<>();
        seeds.put("sampling seed (every scale)", SEED);
        Map<String, Object> models = Map.of("diffusion model", "synthetic (dataset molecules)");
        Map<String, String> files = Map.of("report.html", "this report");
        return new SweepReport("Report test", "2026-01-01 12:00:00", OBJECTIVE, Direction.MAXIMIZE, true, runs,
                guidedScale, reference, settings, seeds, models, files, "./gaudi demo --seed 7");
    }
}
