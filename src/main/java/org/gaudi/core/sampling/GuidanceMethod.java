package org.gaudi.core.sampling;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the objective steers the reverse diffusion (the Guided Sampler's "sampler" choice). The scale means the same
 * in all of them ({@link ScaleConvention}); none costs extra network evaluations.
 */
public enum GuidanceMethod {
    /** GaUDI's update (§7.1): z_s ← z_s − σ·clip(scale·∇(loss/u_f)) on coordinates and ring types. */
    GAUDI("gaudi", "GaUDI's gradient update on coordinates and ring types"),
    /**
     * Sequential Monte Carlo without a gradient push: the molecules of a batch with the same ring count are particles
     * weighted by exp(−λ·Δloss) at each step (loss in GaUDI units from the predictor's forward pass, λ =
     * {@link ParticleResampler#POTENTIAL_PER_SCALE}·scale) and resampled systematically when their effective number
     * falls below half. Every state stays on the diffusion model's own path, so validity stays near the unguided
     * level; the price is fewer distinct molecules (copies of the strong particles).
     */
    RESAMPLE("resample", "particle resampling with the objective as potential, no gradient push");

    private final String id;
    private final String description;

    GuidanceMethod(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The name used by the CLI, the node settings and reports. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Whether the objective's gradient moves z_s. */
    public boolean usesGradient() {
        return this != RESAMPLE;
    }

    /** Whether molecules of a batch are resampled by their objective. */
    public boolean resamples() {
        return this == RESAMPLE;
    }

    /** The ids, comma-separated (for messages and help). */
    public static String ids() {
        return Arrays.stream(values()).map(GuidanceMethod::id).collect(Collectors.joining(", "));
    }

    /**
     * @throws IllegalArgumentException naming the accepted ids
     */
    public static GuidanceMethod parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (GuidanceMethod m : values()) {
            if (m.id.equals(t) || m.name().toLowerCase(Locale.ROOT).equals(t)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown sampler '" + text + "'; expected one of " + ids());
    }

    @Override
    public String toString() {
        return id;
    }
}
