package org.gaudi.core.sampling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.gaudi.core.djl.Djl;

/**
 * Settings of a guided design run ({@link GuidedSampler}). Defaults are GaUDI's design driver (§7.2) except the batch
 * size: scale 0.6, clip norm 10, 128 molecules in batches of 64, ring counts drawn from the EDM's distribution, all T
 * reverse steps, seed 0, device {@code auto}, predictor time s (see {@link PredictorTime}). The initial-noise std
 * defaults to 1.0 for a design run (an objective is given, whatever the scale, so that scale 0 is a like-for-like
 * baseline) and to 0.7 for plain unconditional sampling (no objective), as in the reference. Immutable; build with
 * {@link #builder()}.
 */
public final class GuidanceSettings {
    /** GaUDI's default guidance scale (§7.1, after the "fix scale issue" commit). */
    public static final double DEFAULT_SCALE = 0.6;
    /** The sampler of a design run unless one is chosen. */
    public static final GuidanceMethod DEFAULT_SAMPLER = GuidanceMethod.GAUDI;
    /** GaUDI's per-molecule gradient clip norm. */
    public static final double DEFAULT_CLIP_NORM = 10.0;
    /** Initial-noise std of guided design. */
    public static final double GUIDED_STD = 1.0;
    /** Initial-noise std of unconditional sampling. */
    public static final double UNGUIDED_STD = 0.7;

    private final double scale;
    private final double clipNorm;
    private final int molecules;
    private final Integer ringCount;
    private final Double initialNoiseStd;
    private final long seed;
    private final Djl.DeviceSetting device;
    private final Integer steps;
    private final int batchSize;
    private final PredictorTime predictorTime;
    private final GuidanceMethod sampler;

    private GuidanceSettings(Builder b) {
        this.scale = b.scale;
        this.clipNorm = b.clipNorm;
        this.molecules = b.molecules;
        this.ringCount = b.ringCount;
        this.initialNoiseStd = b.initialNoiseStd;
        this.seed = b.seed;
        this.device = b.device;
        this.steps = b.steps;
        this.batchSize = b.batchSize;
        this.predictorTime = b.predictorTime;
        this.sampler = b.sampler;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** GaUDI's defaults. */
    public static GuidanceSettings defaults() {
        return builder().build();
    }

    /** A builder pre-filled with these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.scale = scale;
        b.clipNorm = clipNorm;
        b.molecules = molecules;
        b.ringCount = ringCount;
        b.initialNoiseStd = initialNoiseStd;
        b.seed = seed;
        b.device = device;
        b.steps = steps;
        b.batchSize = batchSize;
        b.predictorTime = predictorTime;
        b.sampler = sampler;
        return b;
    }

    /**
     * Guidance scale s ≥ 0 in GaUDI units ({@link ScaleConvention}): multiplies the objective divided by its spread
     * over the predictor's training targets, before the gradient is clipped; the same total push for any number of
     * steps. 0 samples unguided.
     */
    public double scale() {
        return scale;
    }

    /** Maximum Frobenius norm of one molecule's (scaled) gradient over nodes and channels. */
    public double clipNorm() {
        return clipNorm;
    }

    /** Molecules to generate. */
    public int molecules() {
        return molecules;
    }

    /** Whether every molecule has the same ring count ({@link #ringCount()}); else counts are drawn. */
    public boolean fixedRingCount() {
        return ringCount != null;
    }

    /** The fixed ring count, or 0 when ring counts are drawn from the EDM's ring-count distribution. */
    public int ringCount() {
        return ringCount == null ? 0 : ringCount;
    }

    /** The explicit initial-noise std, or null for the default ({@link #initialNoiseStd(boolean)}). */
    public Double initialNoiseStdSetting() {
        return initialNoiseStd;
    }

    /** The initial-noise std: the explicit value, else 1.0 for a design run (objective given), else 0.7. */
    public double initialNoiseStd(boolean designRun) {
        if (initialNoiseStd != null) {
            return initialNoiseStd;
        }
        return designRun ? GUIDED_STD : UNGUIDED_STD;
    }

    /** Seed of the ring counts and of every batch's sampling noise. */
    public long seed() {
        return seed;
    }

    /** Device the models are loaded on by {@link GuidedSampler#open}. */
    public Djl.DeviceSetting device() {
        return device;
    }

    /** The explicit number of reverse steps, or null for the model's T. */
    public Integer stepsSetting() {
        return steps;
    }

    /** Reverse steps: the explicit value or T. */
    public int steps(int timesteps) {
        return steps != null ? steps : timesteps;
    }

    /** Molecules sampled together (memory: about B·N²·H floats per network layer). */
    public int batchSize() {
        return batchSize;
    }

    /** Which time the predictor is told when its gradient is taken at z_s. */
    public PredictorTime predictorTime() {
        return predictorTime;
    }

    /** How the objective steers sampling (default {@link #DEFAULT_SAMPLER}). */
    public GuidanceMethod sampler() {
        return sampler;
    }

    /** The settings as a map for reports (null entries say "default"). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scale", scale);
        m.put("clipNorm", clipNorm);
        m.put("molecules", molecules);
        m.put("ringCount", ringCount == null ? "drawn from the EDM's distribution" : ringCount);
        m.put("initialNoiseStd", initialNoiseStd);
        m.put("seed", seed);
        m.put("device", device.name().toLowerCase(java.util.Locale.ROOT));
        m.put("steps", steps);
        m.put("batchSize", batchSize);
        m.put("predictorTime", predictorTime.name());
        m.put("sampler", sampler.id());
        m.put("scaleConvention", ScaleConvention.NAME);
        return m;
    }

    @Override
    public String toString() {
        return "GuidanceSettings" + toMap();
    }

    /** Builder with GaUDI's defaults; {@link #build()} validates. */
    public static final class Builder {
        private double scale = DEFAULT_SCALE;
        private double clipNorm = DEFAULT_CLIP_NORM;
        private int molecules = 128;
        private Integer ringCount;
        private Double initialNoiseStd;
        private long seed;
        private Djl.DeviceSetting device = Djl.DeviceSetting.AUTO;
        private Integer steps;
        private int batchSize = 64;
        private PredictorTime predictorTime = PredictorTime.S;
        private GuidanceMethod sampler = DEFAULT_SAMPLER;

        private Builder() {
        }

        public Builder sampler(GuidanceMethod m) {
            this.sampler = Objects.requireNonNull(m, "sampler");
            return this;
        }

        public Builder scale(double s) {
            this.scale = s;
            return this;
        }

        public Builder clipNorm(double c) {
            this.clipNorm = c;
            return this;
        }

        public Builder molecules(int n) {
            this.molecules = n;
            return this;
        }

        /** Every molecule gets {@code rings} rings. */
        public Builder ringCount(int rings) {
            this.ringCount = rings;
            return this;
        }

        /** Ring counts are drawn from the EDM's ring-count distribution (the default). */
        public Builder ringCountsFromDistribution() {
            this.ringCount = null;
            return this;
        }

        /** An explicit initial-noise std, or null for the default. */
        public Builder initialNoiseStd(Double std) {
            this.initialNoiseStd = std;
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

        /** Reverse steps (fewer than T respaces the time grid), or null for T. */
        public Builder steps(Integer k) {
            this.steps = k;
            return this;
        }

        public Builder batchSize(int b) {
            this.batchSize = b;
            return this;
        }

        public Builder predictorTime(PredictorTime t) {
            this.predictorTime = Objects.requireNonNull(t, "predictorTime");
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the setting and the accepted range
         */
        public GuidanceSettings build() {
            if (!(scale >= 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("guidance scale must be a finite number >= 0, got " + scale);
            }
            if (!(clipNorm > 0) || Double.isInfinite(clipNorm)) {
                throw new IllegalArgumentException("gradient clip norm must be a finite number > 0, got "
                        + clipNorm);
            }
            if (molecules < 1) {
                throw new IllegalArgumentException("number of molecules must be >= 1, got " + molecules);
            }
            if (ringCount != null && ringCount < 1) {
                throw new IllegalArgumentException("ring count must be >= 1, got " + ringCount);
            }
            if (initialNoiseStd != null && (!(initialNoiseStd > 0) || initialNoiseStd.isInfinite())) {
                throw new IllegalArgumentException("initial-noise std must be a finite number > 0, got "
                        + initialNoiseStd);
            }
            if (steps != null && steps < 1) {
                throw new IllegalArgumentException("sampling steps must be >= 1, got " + steps);
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
            }
            return new GuidanceSettings(this);
        }
    }
}
