package org.gaudi.core.sampling;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.data.MoleculeRecord;
import org.gaudi.core.diffusion.EdmModel;
import org.gaudi.core.diffusion.EdmTraining;
import org.gaudi.core.diffusion.EdmTrainingSettings;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.gor.DecodedMolecule;
import org.gaudi.core.gor.GorDecoder;
import org.gaudi.core.gor.GorKind;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.gor.InvalidReason;
import org.gaudi.core.gor.RingType;
import org.gaudi.core.huckel.HuckelProperties;
import org.gaudi.core.objective.Objective;
import org.gaudi.core.pas.FusedRingSystem;
import org.gaudi.core.pas.FusionRules;
import org.gaudi.core.pas.HeteroSpace;
import org.gaudi.core.chem.MoleculeIdentity;
import org.gaudi.core.predictor.PredictorTraining;
import org.gaudi.core.predictor.PredictorTrainingSettings;
import org.gaudi.core.predictor.PropertyPredictor;
import org.junit.Test;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.iterator.IteratingSDFReader;
import org.openscience.cdk.silent.SilentChemObjectBuilder;

/**
 * The whole method on the embedded hetero space, kept to seconds: a tiny EDM and gap predictor trained for a few
 * epochs on 1–3-ring PASs (orientation nodes, Pz/Db ones redrawn per draw), guided sampling, decoding with GaUDI's
 * checks, and the output rows and SDF with the right elements, charges and hydrogens.
 */
public class HeteroPipelineTest {

    private static Dataset smallHeteroSet() {
        // at most 40 molecules per ring count: 9 + 40 + 40 (a small cap of the same generator)
        return EmbeddedDataset.generate(HeteroSpace.of(HeteroSpace.DEFAULT_SEED, 40), 1, 3, i -> { });
    }

    @Test
    public void trainSampleAndDecodeHeteroSystems() throws Exception {
        Dataset data = smallHeteroSet();
        assertTrue(data.records().stream().anyMatch(r -> r.gor().hasOrientationAlternatives()));
        EdmTrainingSettings es = EdmTrainingSettings.builder().layers(2).hidden(16).epochs(3).batchSize(16)
                .learningRate(3e-3).seed(5).device(Djl.DeviceSetting.CPU).validationFraction(0.2).testFraction(0.0)
                .ringRange(1, 3).build();
        try (EdmModel edm = new EdmTraining(es).train(data).model()) {
            assertEquals(GorKind.HETERO, edm.architecture().kind());
            PredictorTrainingSettings ps = PredictorTrainingSettings.builder().targets(List.of(HuckelProperties.GAP_EV))
                    .layers(2).hidden(16).batchSize(16).learningRate(3e-3).seed(1).device(Djl.DeviceSetting.CPU)
                    .epochs(3).validationFraction(0.2).testFraction(0.0).ringRange(1, 3).build();
            try (PropertyPredictor predictor = new PredictorTraining(ps).matching(edm.architecture()).train(data)
                    .predictor()) {
                Objective objective = Objective.parse("maximize " + HuckelProperties.GAP_EV,
                        predictor.spec().targetNames());
                GuidanceSettings gs = GuidanceSettings.builder().scale(0.5).molecules(8).batchSize(8).ringCount(2)
                        .seed(3).steps(20).build();
                DesignResult result = new GuidedSampler(edm, predictor, objective).run(gs, DesignProgress.NONE,
                        () -> false);
                assertEquals(8, result.molecules().size());
                Set<String> reasons = new HashSet<>();
                for (InvalidReason r : InvalidReason.values()) {
                    reasons.add(r.name());
                }
                for (DesignedMolecule m : result.molecules()) {
                    // hetero layout: 2 rings and their 2 orientation nodes were sampled and decoded
                    assertTrue(m.gor().hasOrientationNodes());
                    assertEquals(2, m.gor().ringCount());
                    assertNotNull(m.objective());
                    if (!m.valid()) {
                        assertTrue(m.invalidReason(), reasons.stream().anyMatch(m.invalidReason()::startsWith));
                    }
                }
            }
        }
    }

    /** Every molecule of the dataset, decoded as a sampler row, gives an SDF with the right atoms and hydrogens. */
    @Test
    public void rowsAndSdfCarryElementsChargesAndHydrogens() throws Exception {
        Dataset data = smallHeteroSet();
        MoleculeTableBuilder table = new MoleculeTableBuilder(List.of(), null, Set.of());
        List<DesignedMolecule> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int i = 0;
        for (MoleculeRecord r : data.records()) {
            DecodedMolecule d = GorDecoder.decode(r.gor(), GorKind.HETERO);
            rows.add(table.row(new SampledMolecule(i, 0, 0, r.ringCount(), r.gor(), d, null), r.id(), seen));
            i++;
        }
        DesignResult result = new DesignResult(List.of(), List.of(), rows, null);
        StringWriter sdf = new StringWriter();
        DesignWriters.writeSdf(sdf, result);
        int k = 0;
        boolean sawNh = false;
        boolean sawBh = false;
        try (IteratingSDFReader reader = new IteratingSDFReader(new StringReader(sdf.toString()),
                SilentChemObjectBuilder.getInstance())) {
            while (reader.hasNext()) {
                IAtomContainer mol = reader.next();
                DesignedMolecule row = rows.get(k);
                MoleculeRecord rec = data.records().get(k++);
                assertTrue(row.id() + " " + row.invalidReason(), row.valid());
                assertEquals(rec.smiles(), MoleculeIdentity.ofSmiles(rec.smiles()).inchi(), row.inchi());
                int pl = 0;
                int bl = 0;
                for (RingType t : rec.gor().types()) {
                    pl += t == RingType.Pl ? 1 : 0;
                    bl += t == RingType.Bl ? 1 : 0;
                }
                int nh = 0;
                int bh = 0;
                for (IAtom a : mol.atoms()) {
                    assertEquals(row.id(), 0, a.getFormalCharge() == null ? 0 : a.getFormalCharge().intValue());
                    for (IAtom nb : mol.getConnectedAtomsList(a)) {
                        if ("H".equals(nb.getSymbol())) {
                            nh += "N".equals(a.getSymbol()) ? 1 : 0;
                            bh += "B".equals(a.getSymbol()) ? 1 : 0;
                        }
                    }
                }
                assertEquals(row.id() + " N-H", pl, nh);
                assertEquals(row.id() + " B-H", bl, bh);
                sawNh |= nh > 0;
                sawBh |= bh > 0;
                assertNotNull(row.huckelGapBeta()); // exact Hückel values for hetero designs too
            }
        }
        assertEquals(rows.size(), k);
        assertTrue(sawNh && sawBh);
    }

    /**
     * GaUDI's rejection reasons, each produced by a hetero graph of rings: mistyped orientation node, rings too
     * close, rings not connected, a ring-triplet angle outside the windows, and a charged Kekulé structure.
     */
    @Test
    public void eachRejectionReasonOccursOnHeteroGraphs() {
        // thiophene between two benzene rings (dibenzothiophene-like), built by the space's own rules
        FusedRingSystem s = FusedRingSystem.single(RingType.Th).fuse(0, 0, RingType.Bn, 0);
        s = s.fuse(0, 2, RingType.Bn, 0);
        GraphOfRings g = s.gor();
        assertTrue(GorDecoder.decode(g, GorKind.HETERO).valid());
        EnumSet<InvalidReason> seen = EnumSet.noneOf(InvalidReason.class);

        seen.add(decodeNodes(g, 3, RingType.Bn, null).failure()); // orientation node typed as a ring
        double[][] c = g.centroids();
        double[][] close = c.clone();
        close[2] = new double[] {c[0][0] + 0.5, c[0][1], 0};
        seen.add(decodeNodes(g, -1, null, close).failure());
        double[][] far = c.clone();
        far[2] = new double[] {c[2][0] + 10, c[2][1] + 10, 0};
        seen.add(decodeNodes(g, -1, null, far).failure());
        // ring 2 moved to 90° around the thiophene (its window is ~140°)
        double[][] bent = c.clone();
        double dx = c[1][0] - c[0][0];
        double dy = c[1][1] - c[0][1];
        double d = Math.hypot(c[2][0] - c[0][0], c[2][1] - c[0][1]);
        double l = Math.hypot(dx, dy);
        bent[2] = new double[] {c[0][0] - dy / l * d, c[0][1] + dx / l * d, 0};
        seen.add(decodeNodes(g, -1, null, bent).failure());
        // a two-ring system the rules build whose Kekulé structure has charged atoms
        boolean charged = false;
        for (RingType a : FusionRules.TYPES) {
            for (RingType b : FusionRules.TYPES) {
                FusedRingSystem one = FusedRingSystem.single(a);
                for (int e : one.freeEdges(0)) {
                    for (int ne : FusedRingSystem.carbonEdges(b)) {
                        FusedRingSystem two = one.fuse(0, e, b, ne);
                        if (two != null && !charged) {
                            InvalidReason r = GorDecoder.decode(two.gor(), GorKind.HETERO).failure();
                            charged = r == InvalidReason.CHARGED_ATOMS;
                        }
                    }
                }
            }
        }
        assertTrue(charged);
        assertEquals(EnumSet.of(InvalidReason.ORIENTATION_NODES, InvalidReason.TOO_CLOSE, InvalidReason.DISCONNECTED,
                InvalidReason.BAD_ANGLE), seen);
    }

    /** Decodes a GOR's raw nodes with one node retyped and/or the ring positions replaced (orientation nodes kept). */
    private static DecodedMolecule decodeNodes(GraphOfRings g, int retype, RingType as, double[][] rings) {
        int n = g.ringCount();
        double[][] pos = new double[2 * n][];
        RingType[] types = new RingType[2 * n];
        double[][] o = g.orientationNodes();
        for (int i = 0; i < n; i++) {
            pos[i] = rings == null ? g.centroid(i) : rings[i];
            pos[n + i] = o[i];
            types[i] = g.type(i);
            types[n + i] = RingType.ORIENTATION;
        }
        if (retype >= 0) {
            types[retype] = as;
        }
        return GorDecoder.decodeNodes(pos, types, GorKind.HETERO);
    }

    @Test
    public void pyrazineOrientationNodesAreRedrawnPerDraw() {
        FusedRingSystem s = FusedRingSystem.single(RingType.Bn).fuse(0, 0, RingType.Pz, 0);
        GraphOfRings g = s.gor();
        assertTrue(g.hasOrientationAlternatives());
        SplittableRandom random = new SplittableRandom(1);
        Set<String> drawn = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            GraphOfRings d = g.withOrientationDrawn(random);
            drawn.add(java.util.Arrays.toString(d.orientationNodes()[1]));
            assertTrue(GorDecoder.decode(d, GorKind.HETERO).valid()); // either N decodes to the same quinoxaline
            assertEquals(java.util.Arrays.toString(g.orientationNodes()[0]),
                    java.util.Arrays.toString(d.orientationNodes()[0])); // benzene has no choice
        }
        assertEquals(2, drawn.size());
        assertFalse(FusedRingSystem.single(RingType.Th).gor().hasOrientationAlternatives());
    }
}
