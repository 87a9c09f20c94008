package org.gaudi.core.diffusion;

import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.EmbeddedDataset;
import org.gaudi.core.djl.Djl;

/** Tiny EDM training configurations on real embedded molecules, for fast tests. */
final class TinyEdm {
    private static Dataset upTo5;

    private TinyEdm() {
    }

    /** All 21 cata-condensed benzenoids with 1-5 rings (generated once per JVM). */
    static synchronized Dataset embedded1to5() {
        if (upTo5 == null) {
            upTo5 = EmbeddedDataset.generate(1, 5, i -> { });
        }
        return upTo5;
    }

    /** 2 blocks x 16 hidden, batch 8, CPU, 20 % validation, no test part. */
    static EdmTrainingSettings.Builder settings(int epochs) {
        return EdmTrainingSettings.builder().layers(2).hidden(16).epochs(epochs).batchSize(8).learningRate(3e-3)
                .seed(5).device(Djl.DeviceSetting.CPU).validationFraction(0.2).testFraction(0.0).ringRange(1, 5);
    }
}
