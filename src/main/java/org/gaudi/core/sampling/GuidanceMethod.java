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
    /** GaUDI's update on the coordinates only; the ring-type channels follow the diffusion model alone. */
    COORDINATES("coords", "GaUDI's gradient update on the coordinates only"),
    /**
     * GaUDI's update plus particle resampling: the molecules of a batch with the same ring count are particles
     * weighted by exp(−λ·Δloss) at each step, λ = {@link ParticleResampler#POTENTIAL_PER_SCALE}·scale, and
     * resampled (systematic) when their effective number falls below half.
     */
    SMC("smc", "GaUDI's gradient update plus particle resampling with the objective as potential"),
    /** Particle resampling alone (no gradient): molecules stay on the diffusion model's path. */
    RESAMPLE("resample", "particle resampling with the objective as potential, no gradient");

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
        return this == SMC || this == RESAMPLE;
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
