package org.gaudi.core.sampling;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gaudi.core.diffusion.EdmArchitecture;
import org.gaudi.core.diffusion.EdmDataSummary;
import org.gaudi.core.diffusion.EdmModel;
import org.gaudi.core.diffusion.NodeLayout;
import org.gaudi.core.diffusion.RingCountDistribution;
import org.gaudi.core.gor.RingType;
import org.gaudi.core.predictor.PredictorConfig;
import org.gaudi.core.predictor.PredictorSpec;
import org.gaudi.core.predictor.PredictorTarget;
import org.gaudi.core.predictor.PropertyPredictor;
import org.gaudi.core.predictor.TargetNormalisation;

import ai.djl.Device;

/**
 * Tiny, untrained (seeded) models for fast sampler tests: a 2 × 16 cata EDM for up to 6 rings with a short schedule
 * (T = 100) and a 2 × 16 predictor of two made-up targets reading the same state space. Untrained networks are
 * smooth functions of their input, which is all the guidance plumbing needs.
 */
final class TinyModels {
    static final int T = 100;
    static final int MAX_RINGS = 6;
    static final List<String> TARGETS = List.of("P_eV", "Q");

    private TinyModels() {
    }

    static EdmArchitecture cataArchitecture(int timesteps) {
        return new EdmArchitecture(2, 16, MAX_RINGS, NodeLayout.RINGS, List.of(RingType.Bn), timesteps, 1e-5, 2.0);
    }

    /** Ring counts 2..6 with weights 1,2,3,2,1; the given training keys. */
    static EdmModel edm(long seed, Set<String> trainingKeys) {
        RingCountDistribution dist = RingCountDistribution.fromCounts(Map.of(2, 1L, 3, 2L, 4, 3L, 5, 2L, 6, 1L));
        return EdmModel.initialise(cataArchitecture(T), Device.cpu(), seed, dist, trainingKeys,
                EdmDataSummary.none());
    }

    /** A hetero EDM (all ring types plus orientation nodes) with the same distribution. */
    static EdmModel heteroEdm(long seed) {
        RingCountDistribution dist = RingCountDistribution.fromCounts(Map.of(2, 1L, 3, 2L, 4, 1L));
        EdmArchitecture arch = new EdmArchitecture(2, 16, 4, NodeLayout.RINGS_WITH_ORIENTATION,
                List.of(RingType.values()), T, 1e-5, 2.0);
        return EdmModel.initialise(arch, Device.cpu(), seed, dist, Set.of(), EdmDataSummary.none());
    }

    static PredictorSpec spec(EdmArchitecture arch) {
        return PredictorSpec.forEdm(arch, new PredictorConfig(2, 16, 4.0, arch.vocabulary().size(), 2),
                List.of(new PredictorTarget("P_eV", "eV"), new PredictorTarget("Q", "")),
                new TargetNormalisation(new double[] {3.0, 0.0}, new double[] {1.5, 1.0}));
    }

    static PropertyPredictor predictor(long seed) {
        return PropertyPredictor.initialise(spec(cataArchitecture(T)), Device.cpu(), seed);
    }
}
