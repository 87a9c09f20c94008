package org.gaudi.core.diffusion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.gaudi.core.djl.Djl;
import org.gaudi.core.train.TrainingSettings;

/**
 * Settings of an EDM training run ({@link EdmTraining}). Defaults are GaUDI's (§5.5): 9 × 192 EGNN, 1000 epochs,
 * batch 256, lr 1e-3 (AdamW with AMSGrad, adaptive clipping), seed 0, no EMA, an 81/9/10 % train/validation/test
 * split, all ring counts 1..11. Immutable; build with {@link #builder()}.
 */
public final class EdmTrainingSettings {
    private final int layers;
    private final int hidden;
    private final int epochs;
    private final int batchSize;
    private final double learningRate;
    private final long seed;
    private final Djl.DeviceSetting device;
    private final double validationFraction;
    private final double testFraction;
    private final double emaDecay;
    private final int minRings;
    private final int maxRings;
    private final int checkpointEvery;
    private final boolean keepTrainingState;
    private final EdmTrainable.ValidationMetric validationMetric;

    private EdmTrainingSettings(Builder b) {
        this.layers = b.layers;
        this.hidden = b.hidden;
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.learningRate = b.learningRate;
        this.seed = b.seed;
        this.device = b.device;
        this.validationFraction = b.validationFraction;
        this.testFraction = b.testFraction;
        this.emaDecay = b.emaDecay;
        this.minRings = b.minRings;
        this.maxRings = b.maxRings;
        this.checkpointEvery = b.checkpointEvery;
        this.keepTrainingState = b.keepTrainingState;
        this.validationMetric = b.validationMetric;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.layers = layers;
        b.hidden = hidden;
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.learningRate = learningRate;
        b.seed = seed;
        b.device = device;
        b.validationFraction = validationFraction;
        b.testFraction = testFraction;
        b.emaDecay = emaDecay;
        b.minRings = minRings;
        b.maxRings = maxRings;
        b.checkpointEvery = checkpointEvery;
        b.keepTrainingState = keepTrainingState;
        b.validationMetric = validationMetric;
        return b;
    }

    /** Equivariant blocks of the network. */
    public int layers() {
        return layers;
    }

    /** Hidden width of the network. */
    public int hidden() {
        return hidden;
    }

    /** Total epochs (a resumed run continues up to this number). */
    public int epochs() {
        return epochs;
    }

    public int batchSize() {
        return batchSize;
    }

    public double learningRate() {
        return learningRate;
    }

    /** Seeds the initial weights, the split, the shuffling and all diffusion noise. */
    public long seed() {
        return seed;
    }

    public Djl.DeviceSetting device() {
        return device;
    }

    /** Fraction of the non-test molecules used for validation (best-checkpoint selection). */
    public double validationFraction() {
        return validationFraction;
    }

    /** Fraction of all molecules held out entirely (neither trained on nor used for validation). */
    public double testFraction() {
        return testFraction;
    }

    /** EMA decay of the weights, 0 for none. */
    public double emaDecay() {
        return emaDecay;
    }

    /** Molecules with fewer rings are left out. */
    public int minRings() {
        return minRings;
    }

    /** Molecules with more rings are left out; the model's ring capacity is the largest count kept. */
    public int maxRings() {
        return maxRings;
    }

    /** Write the output file (best weights plus training state) every this many epochs; 0 only at the end. */
    public int checkpointEvery() {
        return checkpointEvery;
    }

    /** Whether the model file keeps the optimiser state so training can be resumed (larger file). */
    public boolean keepTrainingState() {
        return keepTrainingState;
    }

    /**
     * What selects the best epoch: the NLL bound (default, the reference's choice) or the validation ε-loss. The
     * bound costs one more network pass over the validation split per epoch (about 4 % of an epoch at a 10 %
     * split, since training does forward and backward over 8× as many graphs); its draws are seeded per batch, so
     * epochs are compared on the same t and noise.
     */
    public EdmTrainable.ValidationMetric validationMetric() {
        return validationMetric;
    }

    /** The generic trainer settings these imply (GaUDI's optimiser and adaptive clipping). */
    public TrainingSettings trainerSettings() {
        return TrainingSettings.builder().epochs(epochs).batchSize(batchSize).learningRate(learningRate).seed(seed)
                .emaDecay(emaDecay).clipping(TrainingSettings.Clipping.ADAPTIVE).build();
    }

    /** All settings by name (stored in the model header; {@link #fromMap} reads them back). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layers", layers);
        m.put("hidden", hidden);
        m.put("epochs", epochs);
        m.put("batchSize", batchSize);
        m.put("learningRate", learningRate);
        m.put("seed", seed);
        m.put("device", device.name().toLowerCase(java.util.Locale.ROOT));
        m.put("validationFraction", validationFraction);
        m.put("testFraction", testFraction);
        m.put("emaDecay", emaDecay);
        m.put("minRings", minRings);
        m.put("maxRings", maxRings);
        m.put("checkpointEvery", checkpointEvery);
        m.put("keepTrainingState", keepTrainingState);
        m.put("validationMetric", validationMetric.name());
        m.put("optimizer", trainerSettings().toMap());
        return m;
    }

    /**
     * Settings recorded by {@link #toMap()} (e.g. in a model file to resume).
     *
     * @throws IllegalArgumentException naming the entry that is missing or malformed
     */
    public static EdmTrainingSettings fromMap(Map<String, ?> m) {
        Builder b = builder();
        b.layers(intValue(m, "layers"));
        b.hidden(intValue(m, "hidden"));
        b.epochs(intValue(m, "epochs"));
        b.batchSize(intValue(m, "batchSize"));
        b.learningRate(number(m, "learningRate").doubleValue());
        b.seed(number(m, "seed").longValue());
        b.device(Djl.DeviceSetting.parse(String.valueOf(m.get("device"))));
        b.validationFraction(number(m, "validationFraction").doubleValue());
        b.testFraction(number(m, "testFraction").doubleValue());
        b.emaDecay(number(m, "emaDecay").doubleValue());
        b.ringRange(intValue(m, "minRings"), intValue(m, "maxRings"));
        b.checkpointEvery(intValue(m, "checkpointEvery"));
        Object keep = m.get("keepTrainingState");
        b.keepTrainingState(keep == null || Boolean.parseBoolean(String.valueOf(keep)));
        Object metric = m.get("validationMetric");
        if (metric != null) {
            try {
                b.validationMetric(EdmTrainable.ValidationMetric.valueOf(String.valueOf(metric)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("training setting 'validationMetric' is unknown: " + metric, e);
            }
        }
        return b.build();
    }

    private static Number number(Map<String, ?> m, String key) {
        Object v = m.get(key);
        if (v instanceof Number n) {
            return n;
        }
        if (v instanceof String s) {
            try {
                return Double.valueOf(s);
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("training setting '" + key + "' is missing or not a number: " + v);
    }

    private static int intValue(Map<String, ?> m, String key) {
        return number(m, key).intValue();
    }

    @Override
    public String toString() {
        return "EdmTrainingSettings" + toMap();
    }

    /** Builder; setters check their argument and name the offending value. */
    public static final class Builder {
        private int layers = 9;
        private int hidden = 192;
        private int epochs = 1000;
        private int batchSize = 256;
        private double learningRate = 1e-3;
        private long seed;
        private Djl.DeviceSetting device = Djl.DeviceSetting.AUTO;
        private double validationFraction = 0.1;
        private double testFraction = 0.1;
        private double emaDecay;
        private int minRings = 1;
        private int maxRings = 11;
        private int checkpointEvery;
        private boolean keepTrainingState = true;
        private EdmTrainable.ValidationMetric validationMetric = EdmTrainable.ValidationMetric.NLL;

        private Builder() {
        }

        public Builder layers(int n) {
            this.layers = positive("layers", n);
            return this;
        }

        public Builder hidden(int n) {
            this.hidden = positive("hidden width", n);
            return this;
        }

        public Builder epochs(int n) {
            this.epochs = positive("epochs", n);
            return this;
        }

        public Builder batchSize(int n) {
            this.batchSize = positive("batch size", n);
            return this;
        }

        public Builder learningRate(double lr) {
            if (!(lr > 0) || Double.isInfinite(lr)) {
                throw new IllegalArgumentException("learning rate must be positive and finite, got " + lr);
            }
            this.learningRate = lr;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder device(Djl.DeviceSetting d) {
            this.device = Objects.requireNonNull(d, "device");
            return this;
        }

        public Builder validationFraction(double f) {
            this.validationFraction = fraction("validation", f);
            return this;
        }

        public Builder testFraction(double f) {
            this.testFraction = fraction("test", f);
            return this;
        }

        /** EMA decay in (0, 1), or 0 for none. */
        public Builder emaDecay(double d) {
            if (!(d == 0 || (d > 0 && d < 1))) {
                throw new IllegalArgumentException("EMA decay must be 0 (off) or in (0, 1), got " + d);
            }
            this.emaDecay = d;
            return this;
        }

        /** Keep only molecules with min..max rings (both inclusive). */
        public Builder ringRange(int min, int max) {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("ring range must satisfy 1 <= min <= max, got " + min + ".."
                        + max);
            }
            this.minRings = min;
            this.maxRings = max;
            return this;
        }

        public Builder checkpointEvery(int epochsBetween) {
            if (epochsBetween < 0) {
                throw new IllegalArgumentException("checkpoint interval must be >= 0 epochs, got " + epochsBetween);
            }
            this.checkpointEvery = epochsBetween;
            return this;
        }

        public Builder keepTrainingState(boolean keep) {
            this.keepTrainingState = keep;
            return this;
        }

        public Builder validationMetric(EdmTrainable.ValidationMetric metric) {
            this.validationMetric = Objects.requireNonNull(metric, "validation metric");
            return this;
        }

        public EdmTrainingSettings build() {
            return new EdmTrainingSettings(this);
        }

        private static int positive(String what, int n) {
            if (n < 1) {
                throw new IllegalArgumentException(what + " must be >= 1, got " + n);
            }
            return n;
        }

        private static double fraction(String what, double f) {
            if (!(f >= 0 && f < 1)) {
                throw new IllegalArgumentException(what + " fraction must be in [0, 1), got " + f);
            }
            return f;
        }
    }
}
