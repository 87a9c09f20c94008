package org.gaudi.core.diffusion;

import java.util.List;
import org.gaudi.core.gor.GraphOfRings;

/**
 * Sampled graphs of rings plus the raw final tensors.
 *
 * @param graphs          decoded graphs (Å, argmax types), one per requested sample
 * @param ringCounts      rings per sample
 * @param nodes           N of the sampling tensors
 * @param x               final positions, normalised units (B·N·3), centred over real nodes
 * @param h               final feature channels z_0,h (B·N·F) the types were decoded from
 * @param nodeMask        (B·N)
 * @param nanReplacements NaN entries the sampler replaced by 0 after a hook modified z_s (0 unguided)
 * @param recentred       whether the final positions were re-centred (|Σx| > 0.05, a warning in the reference)
 */
public record SampleResult(List<GraphOfRings> graphs, int[] ringCounts, int nodes, float[] x, float[] h,
        float[] nodeMask, long nanReplacements, boolean recentred) {
}
