package org.gaudi.core.clm;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.gaudi.core.djl.Djl;
import org.gaudi.core.train.LearningRateSchedule;
import org.gaudi.core.train.TrainingSettings;

/**
 * How to train a chemical language model. Defaults are a small GPT-2 for CPU (4 layers, width 128, 4 heads,
 * context 128, dropout 0.1) trained as GPT-style models are: AdamW (β = 0.9, 0.95, weight decay 0.01, with AMSGrad
 * as our optimiser), learning rate 1e-3 with 100 warm-up steps and cosine decay to 10 %, gradient norm clipped to
 * 1, batch 64, 10 % test and 10 % validation, 0 randomised SMILES per molecule. Immutable; build with
 * {@link #builder()}.
 */
public record ClmTrainingSettings(int layers, int width, int heads, int contextLength, double dropout, int epochs,
        int batchSize, double learningRate, long warmupSteps, double floorFraction, double weightDecay,
        double clipNorm, long seed, double validationFraction, double testFraction, int randomisedSmiles,
        Djl.DeviceSetting device, int checkpointEvery, boolean keepTrainingState) {

    public ClmTrainingSettings {
        new Gpt2Config(2, contextLength, width, layers, heads, dropout); // validates the shape
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batch size must be >= 1, got " + epochs + " and "
                    + batchSize);
        }
        if (randomisedSmiles < 0 || checkpointEvery < 0) {
            throw new IllegalArgumentException("randomised SMILES and checkpoint interval must be >= 0");
        }
        trainerSettings(epochs, batchSize, learningRate, warmupSteps, floorFraction, weightDecay, clipNorm, seed);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The network shape for a vocabulary of {@code vocabularySize} tokens. */
    public Gpt2Config network(int vocabularySize) {
        return new Gpt2Config(vocabularySize, contextLength, width, layers, heads, dropout);
    }

    /** The generic trainer's settings: AdamW-AMSGrad, clipping to a norm, warm-up and cosine decay. */
    public TrainingSettings trainerSettings() {
        return trainerSettings(epochs, batchSize, learningRate, warmupSteps, floorFraction, weightDecay, clipNorm,
                seed);
    }

    private static TrainingSettings trainerSettings(int epochs, int batch, double lr, long warmup, double floor,
            double wd, double clip, long seed) {
        return TrainingSettings.builder().epochs(epochs).batchSize(batch).learningRate(lr).betas(0.9, 0.95)
                .weightDecay(wd).clipNorm(clip).schedule(LearningRateSchedule.warmupCosine(warmup, floor)).seed(seed)
                .build();
    }

    public Builder toBuilder() {
        return builder().layers(layers).width(width).heads(heads).contextLength(contextLength).dropout(dropout)
                .epochs(epochs).batchSize(batchSize).learningRate(learningRate).warmupSteps(warmupSteps)
                .floorFraction(floorFraction).weightDecay(weightDecay).clipNorm(clipNorm).seed(seed)
                .validationFraction(validationFraction).testFraction(testFraction).randomisedSmiles(randomisedSmiles)
                .device(device).checkpointEvery(checkpointEvery).keepTrainingState(keepTrainingState);
    }

    /** All settings by name (stored in the model header; {@link #fromMap} reads them back). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layers", layers);
        m.put("width", width);
        m.put("heads", heads);
        m.put("contextLength", contextLength);
        m.put("dropout", dropout);
        m.put("epochs", epochs);
        m.put("batchSize", batchSize);
        m.put("learningRate", learningRate);
        m.put("warmupSteps", warmupSteps);
        m.put("floorFraction", floorFraction);
        m.put("weightDecay", weightDecay);
        m.put("clipNorm", clipNorm);
        m.put("seed", seed);
        m.put("validationFraction", validationFraction);
        m.put("testFraction", testFraction);
        m.put("randomisedSmiles", randomisedSmiles);
        m.put("device", device.name().toLowerCase(Locale.ROOT));
        m.put("checkpointEvery", checkpointEvery);
        m.put("keepTrainingState", keepTrainingState);
        m.put("optimizer", trainerSettings().toMap());
        return m;
    }

    /**
     * Settings recorded by {@link #toMap()}.
     *
     * @throws IllegalArgumentException naming the entry that is missing or malformed
     */
    public static ClmTrainingSettings fromMap(Map<String, ?> m) {
        return builder().layers(number(m, "layers").intValue()).width(number(m, "width").intValue())
                .heads(number(m, "heads").intValue()).contextLength(number(m, "contextLength").intValue())
                .dropout(number(m, "dropout").doubleValue()).epochs(number(m, "epochs").intValue())
                .batchSize(number(m, "batchSize").intValue()).learningRate(number(m, "learningRate").doubleValue())
                .warmupSteps(number(m, "warmupSteps").longValue())
                .floorFraction(number(m, "floorFraction").doubleValue())
                .weightDecay(number(m, "weightDecay").doubleValue()).clipNorm(number(m, "clipNorm").doubleValue())
                .seed(number(m, "seed").longValue()).validationFraction(number(m, "validationFraction").doubleValue())
                .testFraction(number(m, "testFraction").doubleValue())
                .randomisedSmiles(number(m, "randomisedSmiles").intValue())
                .device(Djl.DeviceSetting.parse(String.valueOf(m.get("device"))))
                .checkpointEvery(number(m, "checkpointEvery").intValue())
                .keepTrainingState(Boolean.TRUE.equals(m.get("keepTrainingState"))).build();
    }

    private static Number number(Map<String, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("training setting '" + key + "' is missing or not a number: " + v);
        }
        return n;
    }

    /** Builder with the defaults above. */
    public static final class Builder {
        private int layers = 4;
        private int width = 128;
        private int heads = 4;
        private int contextLength = 128;
        private double dropout = 0.1;
        private int epochs = 30;
        private int batchSize = 64;
        private double learningRate = 1e-3;
        private long warmupSteps = 100;
        private double floorFraction = 0.1;
        private double weightDecay = 0.01;
        private double clipNorm = 1;
        private long seed;
        private double validationFraction = 0.1;
        private double testFraction = 0.1;
        private int randomisedSmiles;
        private Djl.DeviceSetting device = Djl.DeviceSetting.AUTO;
        private int checkpointEvery;
        private boolean keepTrainingState = true;

        private Builder() {
        }

        public Builder layers(int v) {
            layers = v;
            return this;
        }

        public Builder width(int v) {
            width = v;
            return this;
        }

        public Builder heads(int v) {
            heads = v;
            return this;
        }

        public Builder contextLength(int v) {
            contextLength = v;
            return this;
        }

        public Builder dropout(double v) {
            dropout = v;
            return this;
        }

        public Builder epochs(int v) {
            epochs = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder learningRate(double v) {
            learningRate = v;
            return this;
        }

        public Builder warmupSteps(long v) {
            warmupSteps = v;
            return this;
        }

        public Builder floorFraction(double v) {
            floorFraction = v;
            return this;
        }

        public Builder weightDecay(double v) {
            weightDecay = v;
            return this;
        }

        public Builder clipNorm(double v) {
            clipNorm = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder validationFraction(double v) {
            validationFraction = v;
            return this;
        }

        public Builder testFraction(double v) {
            testFraction = v;
            return this;
        }

        public Builder randomisedSmiles(int v) {
            randomisedSmiles = v;
            return this;
        }

        public Builder device(Djl.DeviceSetting v) {
            device = v;
            return this;
        }

        public Builder checkpointEvery(int v) {
            checkpointEvery = v;
            return this;
        }

        public Builder keepTrainingState(boolean v) {
            keepTrainingState = v;
            return this;
        }

        public ClmTrainingSettings build() {
            return new ClmTrainingSettings(layers, width, heads, contextLength, dropout, epochs, batchSize,
                    learningRate, warmupSteps, floorFraction, weightDecay, clipNorm, seed, validationFraction,
                    testFraction, randomisedSmiles, device, checkpointEvery, keepTrainingState);
        }
    }
}
