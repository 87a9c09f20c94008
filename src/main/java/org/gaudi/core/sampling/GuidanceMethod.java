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
    GAUDI("gaudi", "GaUDI's gradient update on coordinates and ring types", 0, 0, 0),
    /**
     * Sequential Monte Carlo without a gradient push: the molecules of a batch with the same ring count are particles
     * weighted by exp(−λ·Δloss) at each step (loss in GaUDI units from the predictor's forward pass, λ =
     * 10·scale: scale 0.2 on the shipped demo models resamples a few times per batch and moves the Hückel-gap mean
     * as far as GaUDI's update at 0.1–0.2) and resampled systematically when their effective number
     * falls below half. Every state stays on the diffusion model's own path, so validity stays near the unguided
     * level; the price is fewer distinct molecules (copies of the strong particles).
     */
    RESAMPLE("resample", "particle resampling with the objective as potential, no gradient push", 10, 0, 0),
    /**
     * GaUDI's update as the proposal of a particle filter (sequential Monte Carlo): the gradient moves every molecule
     * towards the objective as GaUDI does, and the batch is resampled by the predicted improvement, so that molecules
     * the push drives into regions the predictor over-rates do not all survive. Three choices, each measured on
     * {@code bench ood} (README, "Designing beyond the data"): the potential is 20·scale per GaUDI unit of loss; a
     * resampling gives a particle at most 2 copies (the heaviest particles that were not drawn fill the rest), which
     * keeps distinct molecules; and the gradient push stops for the last 20 % of the steps (t &lt; 0.2·T), where the
     * ring graph is settled and a push only bends the geometry, so the model's own steps restore it (validity 0.77 →
     * 0.88 for GaUDI's update at 0.1).
     */
    SMC("smc", "GaUDI's update as proposal, resampling by the objective with at most 2 copies, unguided last 20 %",
            20, 2, 0.2);

    private final String id;
    private final String description;
    private final double potentialPerScale;
    private final int maxCopies;
    private final double unguidedTail;

    GuidanceMethod(String id, String description, double potentialPerScale, int maxCopies, double unguidedTail) {
        this.id = id;
        this.description = description;
        this.potentialPerScale = potentialPerScale;
        this.maxCopies = maxCopies;
        this.unguidedTail = unguidedTail;
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
        return potentialPerScale > 0;
    }

    /** λ per unit of scale: particle weights grow by exp(−λ·Δloss), loss in GaUDI units; 0 without resampling. */
    public double potentialPerScale() {
        return potentialPerScale;
    }

    /** Most copies of one particle a resampling makes; 0 = no limit. */
    public int maxCopies() {
        return maxCopies;
    }

    /** The gradient push stops once t/T falls below this (0: it never stops). */
    public double unguidedTail() {
        return unguidedTail;
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
