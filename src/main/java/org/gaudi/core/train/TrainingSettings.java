package org.gaudi.core.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of a {@link Trainer} run. Defaults are the reference EDM settings (§5.5): AdamW with AMSGrad, lr 1e-3,
 * betas (0.9, 0.999), eps 1e-8, weight decay 1e-12, batch 256, adaptive gradient clipping, no EMA, seed 0. The
 * predictor uses lr 6e-4 and {@link Clipping#NONE} (§6.2). Immutable; build with {@link #builder()}.
 */
public final class TrainingSettings {

    /** Gradient clipping mode. */
    public enum Clipping {
        /** No clipping (the predictor). */
        NONE,
        /** The reference's adaptive clipping, see {@link AdaptiveGradientClipper} (the EDM). */
        ADAPTIVE,
        /** Scale the gradients down to a fixed total L2 norm when longer (GPT-style language models). */
        NORM
    }

    private final int epochs;
    private final int batchSize;
    private final int validationBatchSize;
    private final long seed;
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;
    private final Clipping clipping;
    private final int clipHistory;
    private final double clipInitialNorm;
    private final double emaDecay;
    private final boolean restoreBest;
    private final double clipNorm;
    private final LearningRateSchedule schedule;

    private TrainingSettings(Builder b) {
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.validationBatchSize = b.validationBatchSize > 0 ? b.validationBatchSize : b.batchSize;
        this.seed = b.seed;
        this.learningRate = b.learningRate;
        this.beta1 = b.beta1;
        this.beta2 = b.beta2;
        this.epsilon = b.epsilon;
        this.weightDecay = b.weightDecay;
        this.clipping = b.clipping;
        this.clipHistory = b.clipHistory;
        this.clipInitialNorm = b.clipInitialNorm;
        this.emaDecay = b.emaDecay;
        this.restoreBest = b.restoreBest;
        this.clipNorm = b.clipNorm;
        this.schedule = b.schedule;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Total number of epochs of the run (a resumed run continues up to this number). */
    public int epochs() {
        return epochs;
    }

    public int batchSize() {
        return batchSize;
    }

    public int validationBatchSize() {
        return validationBatchSize;
    }

    /** Seed of the shuffling and of the per-step {@code Random} handed to the model. */
    public long seed() {
        return seed;
    }

    public double learningRate() {
        return learningRate;
    }

    public double beta1() {
        return beta1;
    }

    public double beta2() {
        return beta2;
    }

    public double epsilon() {
        return epsilon;
    }

    public double weightDecay() {
        return weightDecay;
    }

    public Clipping clipping() {
        return clipping;
    }

    public int clipHistory() {
        return clipHistory;
    }

    public double clipInitialNorm() {
        return clipInitialNorm;
    }

    /** EMA decay of the weights; 0 means no EMA. With EMA, validation and the best checkpoint use EMA weights. */
    public double emaDecay() {
        return emaDecay;
    }

    /** Whether the block holds the best (lowest validation loss) weights when training ends (default true). */
    public boolean restoreBest() {
        return restoreBest;
    }

    /** The total-norm limit of {@link Clipping#NORM}. */
    public double clipNorm() {
        return clipNorm;
    }

    /** The learning-rate factor per step (default {@link LearningRateSchedule#CONSTANT}). */
    public LearningRateSchedule schedule() {
        return schedule;
    }

    /** The optimiser these settings describe (fresh state). */
    public AmsGradAdamW newOptimizer() {
        return AmsGradAdamW.builder().learningRate(learningRate).betas(beta1, beta2).epsilon(epsilon)
                .weightDecay(weightDecay).build();
    }

    /** All settings by name, for model-file headers and reports. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", epochs);
        m.put("batchSize", batchSize);
        m.put("validationBatchSize", validationBatchSize);
        m.put("seed", seed);
        m.put("optimizer", "AdamW-AMSGrad");
        m.put("learningRate", learningRate);
        m.put("beta1", beta1);
        m.put("beta2", beta2);
        m.put("epsilon", epsilon);
        m.put("weightDecay", weightDecay);
        m.put("clipping", clipping.name());
        if (clipping == Clipping.ADAPTIVE) {
            m.put("clipHistory", clipHistory);
            m.put("clipInitialNorm", clipInitialNorm);
        }
        if (clipping == Clipping.NORM) {
            m.put("clipNorm", clipNorm);
        }
        if (!schedule.equals(LearningRateSchedule.CONSTANT)) {
            m.put("schedule", schedule.toMap());
        }
        m.put("emaDecay", emaDecay);
        return m;
    }

    @Override
    public String toString() {
        return "TrainingSettings" + toMap();
    }

    /** Builder; setters validate their arguments and name the offending value. */
    public static final class Builder {
        private int epochs = 1000;
        private int batchSize = 256;
        private int validationBatchSize;
        private long seed;
        private double learningRate = 1e-3;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double epsilon = 1e-8;
        private double weightDecay = 1e-12;
        private Clipping clipping = Clipping.ADAPTIVE;
        private int clipHistory = AdaptiveGradientClipper.DEFAULT_HISTORY;
        private double clipInitialNorm = AdaptiveGradientClipper.DEFAULT_INITIAL_NORM;
        private double emaDecay;
        private boolean restoreBest = true;
        private double clipNorm = 1;
        private LearningRateSchedule schedule = LearningRateSchedule.CONSTANT;

        private Builder() {
        }

        /** Clip the total gradient norm to {@code maxNorm} ({@link Clipping#NORM}). */
        public Builder clipNorm(double maxNorm) {
            if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
                throw new IllegalArgumentException("clip norm must be positive and finite, got " + maxNorm);
            }
            this.clipping = Clipping.NORM;
            this.clipNorm = maxNorm;
            return this;
        }

        public Builder schedule(LearningRateSchedule s) {
            this.schedule = java.util.Objects.requireNonNull(s, "schedule");
            return this;
        }

        public Builder epochs(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("epochs must be >= 1, got " + n);
            }
            this.epochs = n;
            return this;
        }

        public Builder batchSize(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("batch size must be >= 1, got " + n);
            }
            this.batchSize = n;
            return this;
        }

        /** Batch size for validation; 0 (default) means the training batch size. */
        public Builder validationBatchSize(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("validation batch size must be >= 0, got " + n);
            }
            this.validationBatchSize = n;
            return this;
        }

        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        public Builder learningRate(double lr) {
            if (!(lr > 0) || Double.isInfinite(lr)) {
                throw new IllegalArgumentException("learning rate must be positive and finite, got " + lr);
            }
            this.learningRate = lr;
            return this;
        }

        public Builder betas(double b1, double b2) {
            if (!(b1 >= 0 && b1 < 1) || !(b2 >= 0 && b2 < 1)) {
                throw new IllegalArgumentException("betas must be in [0, 1), got (" + b1 + ", " + b2 + ")");
            }
            this.beta1 = b1;
            this.beta2 = b2;
            return this;
        }

        public Builder epsilon(double e) {
            if (!(e > 0) || Double.isInfinite(e)) {
                throw new IllegalArgumentException("epsilon must be positive and finite, got " + e);
            }
            this.epsilon = e;
            return this;
        }

        public Builder weightDecay(double wd) {
            if (!(wd >= 0) || Double.isInfinite(wd)) {
                throw new IllegalArgumentException("weight decay must be >= 0 and finite, got " + wd);
            }
            this.weightDecay = wd;
            return this;
        }

        public Builder clipping(Clipping c) {
            this.clipping = java.util.Objects.requireNonNull(c, "clipping");
            return this;
        }

        /** Adaptive clipping queue: its length and initial entry (reference: 50 and 3000). */
        public Builder adaptiveClipping(int history, double initialNorm) {
            new AdaptiveGradientClipper(history, initialNorm); // validates
            this.clipping = Clipping.ADAPTIVE;
            this.clipHistory = history;
            this.clipInitialNorm = initialNorm;
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

        public Builder restoreBest(boolean b) {
            this.restoreBest = b;
            return this;
        }

        public TrainingSettings build() {
            return new TrainingSettings(this);
        }
    }
}
