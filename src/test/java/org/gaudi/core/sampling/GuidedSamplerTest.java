package org.gaudi.core.sampling;

import static org.gaudi.core.sampling.TrainedTinyModels.GAP;
import static org.gaudi.core.sampling.TrainedTinyModels.SPREAD;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.gaudi.core.diffusion.EdmModel;
import org.gaudi.core.diffusion.SamplingCancelledException;
import org.gaudi.core.huckel.HuckelCalibration;
import org.gaudi.core.objective.Objective;
import org.gaudi.core.predictor.PropertyPredictor;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.iterator.IteratingSDFReader;
import org.openscience.cdk.silent.SilentChemObjectBuilder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

/**
 * The guided sampler end to end on a tiny trained EDM and predictor (see {@link TrainedTinyModels}), with 50
 * respaced reverse steps so that each run takes about a second.
 *
 * <p>The tiny EDM (40 epochs on 21 molecules) rarely produces a chemically valid molecule with several rings, so
 * the guidance tests average over all generated molecules, valid or not (the objective is defined for every sample:
 * it is the predictor's value on the clean sampled graph of rings).
 */
public class GuidedSamplerTest {
    private static final int STEPS = 50;
    private static EdmModel edm;
    private static PropertyPredictor predictor;

    @BeforeClass
    public static void load() {
        edm = TrainedTinyModels.edm();
        predictor = TrainedTinyModels.predictor();
    }

    @AfterClass
    public static void close() {
        edm.close();
        predictor.close();
    }

    private static GuidanceSettings.Builder settings(double scale) {
        return GuidanceSettings.builder().scale(scale).molecules(12).batchSize(12).ringCount(4).seed(11)
                .steps(STEPS);
    }

    private static Objective objective(String text) throws Exception {
        return Objective.parse(text, predictor.spec().targetNames());
    }

    private static DesignResult run(String objective, GuidanceSettings s) throws Exception {
        return new GuidedSampler(edm, predictor, objective == null ? null : objective(objective)).run(s,
                DesignProgress.NONE, () -> false);
    }

    private static double meanSpread(DesignResult r) {
        return r.molecules().stream().mapToDouble(m -> TrainedTinyModels.spread(m.gor())).average().orElseThrow();
    }

    private static double[] objectives(DesignResult r) {
        return r.molecules().stream().mapToDouble(m -> {
            assertNotNull(m.id() + " has no objective value", m.objective());
            return m.objective();
        }).toArray();
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }

    /**
     * Same seed, same ring counts, same noise: only the guidance differs. Minimising the predicted spread lowers the
     * objective (mean over all 12 molecules) well below the unguided spread of values, maximising raises it, and the
     * spread measured directly on the sampled graphs (no predictor involved) moves the same way.
     */
    @Test
    public void guidanceMovesTheObjectiveAndTheGeometryTheRequestedWay() throws Exception {
        DesignResult base = run("minimize " + SPREAD, settings(0).build());
        DesignResult down = run("minimize " + SPREAD, settings(1).build());
        DesignResult up = run("maximize " + SPREAD, settings(1).build());
        double[] b = objectives(base);
        double mBase = mean(b);
        double mDown = mean(objectives(down));
        double mUp = mean(objectives(up));
        System.out.printf("[GuidedSamplerTest] predicted spread: unguided %.3f ± %.3f, minimised %.3f, maximised %.3f;"
                + " measured spread %.3f / %.3f / %.3f Å²%n", mBase, sd(b), mDown, mUp, meanSpread(base),
                meanSpread(down), meanSpread(up));
        assertTrue(mDown + " vs " + mBase, mDown < mBase - sd(b));
        assertTrue(mUp + " vs " + mBase, mUp > mBase + sd(b));
        assertTrue(meanSpread(down) < 0.5 * meanSpread(base));
        assertTrue(meanSpread(up) > 2 * meanSpread(base));
        assertFalse(base.summary().guided());
        assertTrue(down.summary().guided());
        assertEquals(1.0, base.summary().initialNoiseStd(), 0.0);
        assertEquals(0, down.summary().nonFiniteGradients());
        assertTrue(down.summary().guidanceMsPerStep() > 0);
        assertEquals(0.0, base.summary().guidanceMsPerStep(), 0.0);
        assertNull(base.summary().clippedFraction());
        assertTrue(down.summary().clippedFraction() >= 0 && down.summary().clippedFraction() <= 1);
        // objective summary over all molecules equals the mean of the rows
        assertEquals(mDown, down.summary().objectiveMeanAll(), 1e-9);
        // a fixed seed reproduces the run exactly
        DesignResult again = run("minimize " + SPREAD, settings(1).build());
        for (int i = 0; i < 12; i++) {
            assertEquals(down.molecules().get(i).objective(), again.molecules().get(i).objective());
        }
    }

    /** The gradient is clipped, so an absurd scale moves molecules far but never produces NaN or Inf anywhere. */
    @Test
    public void extremeScaleStillGivesOnlyFiniteOutputs() throws Exception {
        for (String direction : new String[] {"maximize", "minimize"}) {
            DesignResult r = run(direction + " " + SPREAD + " - 3*" + GAP,
                    settings(100).ringCountsFromDistribution().build());
            assertEquals(12, r.molecules().size());
            for (DesignedMolecule m : r.molecules()) {
                assertNotNull(m.objective());
                assertTrue(Double.isFinite(m.objective()));
                assertEquals(2, m.predicted().size());
                for (Double v : m.predicted()) {
                    assertNotNull(m.id(), v);
                    assertTrue(Double.isFinite(v));
                }
                for (double[] c : m.gor().centroids()) {
                    for (double x : c) {
                        assertTrue(m.id(), Double.isFinite(x));
                    }
                }
                assertTrue(m.ringCount() >= 1 && m.ringCount() <= 5);
            }
            DesignSummary s = r.summary();
            assertEquals(0, s.nanReplacements());
            assertTrue(Double.isFinite(s.objectiveMeanAll()));
            // scale·objective far above the clip: (nearly) every gradient saturates, the update stays bounded
            assertTrue(s.objectiveDomain().isClean());
            assertTrue("clipped " + s.clippedFraction(), s.clippedFraction() > 0.9);
            assertTrue(s.meanGradientNorm() > 10);
        }
    }

    /** Injected NaN and Inf gradient entries are set to 0, counted, and leave the samples finite. */
    @Test
    public void nonFiniteGradientEntriesAreZeroedAndCounted() throws Exception {
        GuidedSampler s = new GuidedSampler(edm, predictor, objective("maximize " + SPREAD));
        AtomicInteger calls = new AtomicInteger();
        s.gradientWrapper = inner -> (zs, nodeMask, edgeMask, t) -> {
            NDArray g = inner.gradient(zs, nodeMask, edgeMask, t);
            calls.incrementAndGet();
            g.set(new NDIndex("0, 0, 0"), Float.NaN);
            g.set(new NDIndex("1, 2, 3"), Float.POSITIVE_INFINITY);
            return g;
        };
        DesignResult r = s.run(settings(0.6).build(), DesignProgress.NONE, () -> false);
        assertEquals(STEPS, calls.get());
        assertEquals(2L * calls.get(), r.summary().nonFiniteGradients());
        assertEquals(0, r.summary().nanReplacements());
        for (DesignedMolecule m : r.molecules()) {
            assertTrue(Double.isFinite(m.objective()));
        }
    }

    /** A flag raised during step k stops the run before step k+1 does any work. */
    @Test
    public void cancellationStopsWithinOneStep() throws Exception {
        GuidedSampler s = new GuidedSampler(edm, predictor, objective("maximize " + SPREAD));
        AtomicInteger gradients = new AtomicInteger();
        s.gradientWrapper = inner -> (zs, nodeMask, edgeMask, t) -> {
            gradients.incrementAndGet();
            return inner.gradient(zs, nodeMask, edgeMask, t);
        };
        AtomicBoolean cancel = new AtomicBoolean();
        AtomicLong lastDone = new AtomicLong();
        try {
            s.run(settings(0.6).build(), (done, total, msg) -> {
                lastDone.set(done);
                assertEquals(STEPS, total);
                if (done == 7) {
                    cancel.set(true);
                }
            }, cancel::get);
            fail("cancelled run must throw");
        } catch (SamplingCancelledException e) {
            assertEquals(7, lastDone.get());
            assertEquals(7, gradients.get());
        }
        // cancelled while the guidance gradient of step 4 is being computed: step 4 never completes
        cancel.set(false);
        gradients.set(0);
        s.gradientWrapper = inner -> (zs, nodeMask, edgeMask, t) -> {
            if (gradients.incrementAndGet() == 4) {
                cancel.set(true);
            }
            return inner.gradient(zs, nodeMask, edgeMask, t);
        };
        try {
            s.run(settings(0.6).build(), (done, total, msg) -> lastDone.set(done), cancel::get);
            fail("cancelled run must throw");
        } catch (SamplingCancelledException e) {
            assertEquals(3, lastDone.get());
        }
    }

    /** Without an objective: plain unconditional sampling with std 0.7; rows still carry predictions. */
    @Test
    public void withoutObjectiveSamplingIsUnguidedAndStillPredicted() throws Exception {
        List<Long> progress = new ArrayList<>();
        DesignResult r = new GuidedSampler(edm, predictor, null).run(settings(0.6).molecules(5).batchSize(2)
                .build(), (done, total, msg) -> progress.add(done), () -> false);
        assertFalse(r.summary().guided());
        assertEquals(0.7, r.summary().initialNoiseStd(), 0.0);
        assertEquals(3L * STEPS, progress.size());
        assertEquals(3L * STEPS, (long) progress.get(progress.size() - 1));
        assertEquals(5, r.molecules().size());
        assertEquals(List.of(0, 0, 1, 1, 2), r.molecules().stream().map(DesignedMolecule::batch).toList());
        assertEquals(GuidedSampler.batchSeed(11, 2), r.molecules().get(4).seed());
        for (DesignedMolecule m : r.molecules()) {
            assertNull(m.objective());
            assertEquals(2, m.predicted().size());
            assertNotNull(m.predicted().get(0));
        }
        assertNull(r.summary().objective());
        assertEquals(List.of(SPREAD, GAP), r.propertyNames());
        assertEquals("eV", r.propertyUnits().get(1));

        // no predictor at all
        DesignResult plain = new GuidedSampler(edm, null, null).run(settings(0).molecules(2).build(),
                DesignProgress.NONE, () -> false);
        assertTrue(plain.propertyNames().isEmpty());
        assertTrue(plain.molecules().get(0).predicted().isEmpty());
    }

    /**
     * One-ring molecules always decode to benzene: valid rows with identity, SDF record, Hückel gap, novelty against
     * the EDM's training keys, and duplicates flagged after the first.
     */
    @Test
    public void validRowsCarryIdentitySdfHuckelNoveltyAndDuplicates() throws Exception {
        DesignResult r = run("maximize " + GAP, settings(0.6).ringCount(1).molecules(3).build());
        boolean benzeneTrained = edm.trainingInchiKeys().contains("UHOVQNZJYSORNB-UHFFFAOYSA-N");
        Set<String> ids = new HashSet<>();
        for (DesignedMolecule m : r.molecules()) {
            assertTrue(m.invalidReason(), m.valid());
            assertNull(m.invalidReason());
            assertEquals("c1ccccc1", m.smiles());
            assertEquals("UHOVQNZJYSORNB-UHFFFAOYSA-N", m.inchiKey());
            assertEquals(2.0, m.huckelGapBeta(), 1e-9);
            assertEquals(HuckelCalibration.gapEv(2.0), m.huckelGapEv(), 1e-9);
            assertEquals(!benzeneTrained, m.novel());
            assertEquals(m.index() > 0, m.duplicate());
            assertTrue(ids.add(m.id()));
            try (IteratingSDFReader rd = new IteratingSDFReader(new StringReader(m.sdf()),
                    SilentChemObjectBuilder.getInstance())) {
                IAtomContainer mol = rd.next();
                assertEquals(12, mol.getAtomCount());
                assertEquals(m.id(), mol.getTitle());
                assertEquals(m.inchiKey(), mol.getProperty("inchikey"));
                assertEquals(m.objective(), Double.parseDouble(mol.getProperty("objective")), 1e-12);
                assertEquals(m.predicted().get(1), Double.parseDouble(mol.getProperty("predicted_" + GAP)), 1e-12);
                assertEquals(m.huckelGapEv(), Double.parseDouble(mol.getProperty("huckel_gap_eV")), 1e-12);
                assertEquals(String.valueOf(m.duplicate()), mol.getProperty("duplicate"));
                assertFalse(rd.hasNext());
            }
        }
        DesignSummary s = r.summary();
        assertEquals(3, s.valid());
        assertEquals(1, s.unique());
        assertEquals(1.0 / 3, s.uniqueFraction(), 1e-12);
        assertEquals(benzeneTrained ? 0 : 1, s.novel());
        assertEquals(HuckelCalibration.gapEv(2.0), s.huckelGapMeanEv(), 1e-9);
        assertEquals(s.objectiveBest(), r.molecules().stream().mapToDouble(DesignedMolecule::objective).max()
                .orElseThrow(), 0.0);
        assertEquals(List.of("design-0000", "design-0001", "design-0002"),
                r.molecules().stream().map(DesignedMolecule::id).toList());
    }

    /**
     * The resampling sampler: reproducible for a seed, ring counts kept (particles only swap within a ring count),
     * its diagnostics and the scale convention in the summary, and a strong potential moves the objective the
     * requested way without any gradient.
     */
    @Test
    public void resamplingSamplerIsReproducibleKeepsRingCountsAndReports() throws Exception {
        GuidanceSettings s = GuidanceSettings.builder().scale(5).molecules(12).batchSize(12)
                .ringCountsFromDistribution().seed(4).steps(STEPS).sampler(GuidanceMethod.RESAMPLE).build();
        DesignResult a = run("minimize " + SPREAD, s);
        DesignResult b = run("minimize " + SPREAD, s);
        assertEquals(a.molecules().stream().map(m -> m.gor().toString()).toList(),
                b.molecules().stream().map(m -> m.gor().toString()).toList());
        DesignResult base = run("minimize " + SPREAD, s.toBuilder().scale(0).build());
        assertEquals(base.molecules().stream().map(DesignedMolecule::ringCount).toList(),
                a.molecules().stream().map(DesignedMolecule::ringCount).toList());
        Map<String, Object> g = a.summary().guidance();
        assertEquals("resample", g.get("sampler"));
        assertEquals(ScaleConvention.NAME, g.get("scaleConvention"));
        assertTrue(g.toString(), ((Number) g.get("resamplings")).longValue() > 0);
        assertEquals("resampling alone never pushes", 0.0, (Double) g.get("totalPush"), 0);
        assertTrue(mean(objectives(a)) < mean(objectives(base)));
    }

    /**
     * The SMC sampler: GaUDI's push only while t/T >= 0.2 (counted steps and the reported total push say so),
     * resampling with at most 2 copies, reproducible, and the objective moves the requested way.
     */
    @Test
    public void smcSamplerPushesOnlyBeforeItsUnguidedTailAndMovesTheObjective() throws Exception {
        GuidanceSettings s = settings(2).sampler(GuidanceMethod.SMC).build();
        DesignResult a = run("minimize " + SPREAD, s);
        DesignResult b = run("minimize " + SPREAD, s);
        assertEquals(a.molecules().stream().map(m -> m.gor().toString()).toList(),
                b.molecules().stream().map(m -> m.gor().toString()).toList());
        int[] grid = edm.diffusion().timeGrid(STEPS);
        GuidancePush push = new GuidancePush(predictor.spec().schedule());
        int pushing = 0;
        double total = 0;
        for (int k = 0; k < STEPS; k++) {
            if (grid[k] >= 0.2 * edm.timesteps()) {
                pushing++;
                total += push.length(grid[k], grid[k + 1]);
            }
        }
        assertTrue("some steps are unguided", pushing < STEPS && pushing > STEPS / 2);
        assertEquals(Long.valueOf(pushing), a.summary().stepsWithGradient());
        Map<String, Object> g = a.summary().guidance();
        assertEquals("smc", g.get("sampler"));
        assertEquals(total, (Double) g.get("totalPush"), 1e-9);
        assertEquals(2, ((Number) g.get("maxCopiesPerResampling")).intValue());
        assertTrue(g.toString(), ((Number) g.get("resamplings")).longValue() > 0);
        DesignResult base = run("minimize " + SPREAD, settings(0).build());
        assertTrue(mean(objectives(a)) < mean(objectives(base)));
        assertTrue(a.summary().lines().stream().anyMatch(l -> l.contains("no push while t/T < 0.2")));
    }

    /**
     * Hetero models (ring types plus orientation nodes) go through the same pipeline: untrained, so the molecules
     * are mostly invalid, but every row has its reason, finite predictions and an objective value.
     */
    @Test
    public void heteroModelsRunThroughThePipeline() throws Exception {
        try (EdmModel hetero = TinyModels.heteroEdm(2);
             PropertyPredictor p = PropertyPredictor.initialise(TinyModels.spec(hetero.architecture()),
                     ai.djl.Device.cpu(), 3)) {
            DesignResult r = new GuidedSampler(hetero, p, Objective.parse("minimize abs(P_eV - 2.5) + Q^2",
                    p.spec().targetNames())).run(GuidanceSettings.builder().molecules(4).batchSize(4).steps(10)
                    .seed(3).build(), DesignProgress.NONE, () -> false);
            assertEquals(4, r.molecules().size());
            Object unscored = r.summary().guidance().get("unscoredMolecules");
            long withoutObjective = r.molecules().stream().filter(m -> m.objective() == null).count();
            assertEquals("molecules the predictor could not re-score are counted", withoutObjective,
                    unscored == null ? 0L : ((Number) unscored).longValue());
            for (DesignedMolecule m : r.molecules()) {
                assertTrue(m.valid() || m.invalidReason() != null);
                assertTrue(m.gor().hasOrientationNodes());
                assertTrue(m.ringCount() >= 2 && m.ringCount() <= 4);
            }
            assertTrue(r.summary().guided());
        }
    }

    @Test
    public void predictorThatCannotGuideTheEdmIsAClearErrorBeforeSampling() throws Exception {
        // different vocabulary (hetero)
        try (PropertyPredictor hetero = PropertyPredictor.initialise(TinyModels.spec(
                org.gaudi.core.diffusion.EdmArchitecture.hetero(2, 8, 5)), ai.djl.Device.cpu(), 1)) {
            new GuidedSampler(edm, hetero, null);
            fail("hetero predictor must not guide a cata EDM");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("cannot guide")
                    && e.getMessage().contains("node features"));
        }
        // different schedule (T = 100)
        try (PropertyPredictor shortT = TinyModels.predictor(1)) {
            new GuidedSampler(edm, shortT, null);
            fail("schedule mismatch must be refused");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("noise schedule"));
        }
        // a predictor trained on smaller molecules than asked for
        try (PropertyPredictor small = TrainedTinyModels.predictor()) {
            small.recordTraining(Map.of("maxRings", 3), Map.of(), Map.of());
            GuidedSampler s = new GuidedSampler(edm, small, objective("maximize " + GAP));
            AtomicInteger steps = new AtomicInteger();
            try {
                s.run(settings(0.6).ringCount(4).build(), (d, t, m) -> steps.incrementAndGet(), () -> false);
                fail("ring count beyond the predictor's training range must be refused");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("at most 3 rings"));
                assertEquals(0, steps.get());
            }
            try {
                s.run(settings(0.6).ringCountsFromDistribution().build(), DesignProgress.NONE, () -> false);
                fail("drawn ring counts beyond the predictor's range must be refused");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("samples up to 5 rings"));
            }
        }
        // ring count beyond the EDM, objective naming an unknown property, objective without predictor
        try {
            new GuidedSampler(edm, predictor, null).run(settings(0).ringCount(6).build(), DesignProgress.NONE,
                    () -> false);
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("maximum of 5 rings"));
        }
        try {
            GuidedSampler.parse("maximize GAP_eV", predictor);
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("column 10") && e.getMessage().contains(GAP));
        }
        try {
            new GuidedSampler(edm, null, objective("maximize " + GAP));
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("needs a property predictor"));
        }
    }
}
