package org.gaudi.core.sampling;

import org.gaudi.core.gor.DecodedMolecule;
import org.gaudi.core.gor.GraphOfRings;

/**
 * What the sampler knows about one molecule before the table is built.
 *
 * @param index     0-based position in the run
 * @param batch     sampling batch
 * @param seed      the batch's sampling seed
 * @param ringCount rings sampled
 * @param gor       the sampled graph of rings
 * @param decoded   the decoded graph of rings
 * @param predicted predictor values in physical units (target order), or null without a predictor
 */
public record SampledMolecule(int index, int batch, long seed, int ringCount, GraphOfRings gor, DecodedMolecule decoded,
        double[] predicted) {
}
