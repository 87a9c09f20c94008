package org.gaudi.core.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gaudi.core.gor.GorDecoder;
import org.gaudi.core.gor.GorKind;
import org.gaudi.core.gor.GraphOfRings;
import org.gaudi.core.objective.DomainReport;
import org.gaudi.core.objective.Objective;
import org.gaudi.core.objective.ObjectiveSyntaxException;

/**
 * Design results built without sampling, for tests of what consumes them (reports, writers): real graphs of rings
 * are decoded by the real decoder and tabulated by the real {@link MoleculeTableBuilder} and {@link DesignSummary}, with
 * predictions given by the test. Only the sampling itself is skipped.
 */
public final class SyntheticDesigns {
    private SyntheticDesigns() {
    }

    /**
     * A design result for these graphs (decoded as benzenoids).
     *
     * @param graphs       the "sampled" graphs of rings, in generation order
     * @param predicted    one vector per graph, in {@code names} order
     * @param names        the predictor's target names
     * @param units        their units
     * @param objective    objective text over {@code names}
     * @param trainingKeys InChIKeys counted as not novel
     * @param scale        the guidance scale recorded in the settings
     * @param seed         the run seed recorded
     */
    public static DesignResult result(List<GraphOfRings> graphs, List<double[]> predicted, List<String> names,
            List<String> units, String objective, Set<String> trainingKeys, double scale, long seed) {
        Objective obj;
        try {
            obj = Objective.parse(objective, names);
        } catch (ObjectiveSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        List<SampledMolecule> sampled = new ArrayList<>();
        for (int i = 0; i < graphs.size(); i++) {
            GraphOfRings g = graphs.get(i);
            sampled.add(new SampledMolecule(i, 0, GuidedSampler.batchSeed(seed, 0), g.ringCount(), g,
                    GorDecoder.decode(g, GorKind.CATA), predicted.get(i)));
        }
        List<DesignedMolecule> rows = new MoleculeTableBuilder(names, obj, trainingKeys).build(sampled, () -> false);
        GuidanceSettings settings = GuidanceSettings.builder().scale(scale).seed(seed).molecules(graphs.size())
                .build();
        DesignSummary.RunFacts facts = new DesignSummary.RunFacts(0, 0, 0, DomainReport.EMPTY, scale > 0, 1.0, 100,
                1000, seed, "cpu", settings.toMap(), Map.of("edm", "synthetic"), 0.5, 1.0, scale > 0 ? 0.5 : 0, null, null,
                Map.of(), scale > 0 ? 100L : null);
        return new DesignResult(names, units, rows, DesignSummary.of(rows, names, obj, facts));
    }
}
