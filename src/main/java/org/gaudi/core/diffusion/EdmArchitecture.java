package org.gaudi.core.diffusion;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gaudi.core.gor.GorKind;
import org.gaudi.core.gor.RingType;
import org.gaudi.core.model.ModelHeader;
import org.gaudi.core.nn.EgnnDynamics;

/**
 * Everything needed to rebuild an EDM's network, featurizer and noise schedule: the EGNN size (blocks × hidden
 * width), the ring-type vocabulary and node layout, the ring capacity N_pad and the polynomial schedule
 * (T, precision, power). The normalisation factors are GaUDI's fixed [3, 4] (x/3, one-hot/4) and are recorded in
 * the model header for reference. Immutable.
 *
 * @param layers     equivariant blocks (GaUDI: 9)
 * @param hidden     hidden width H (GaUDI: 192)
 * @param maxRings   largest ring count the model handles (N_pad = maxRings, doubled with orientation nodes)
 * @param layout     node layout (cata: rings only; hetero: rings plus orientation nodes)
 * @param vocabulary ring types in one-hot order
 * @param timesteps  diffusion steps T (GaUDI: 1000)
 * @param precision  schedule precision floor s (GaUDI: 1e-5)
 * @param power      polynomial power of the schedule (GaUDI: 2)
 */
public record EdmArchitecture(int layers, int hidden, int maxRings, NodeLayout layout, List<RingType> vocabulary,
        int timesteps, double precision, double power) {

    public EdmArchitecture {
        Objects.requireNonNull(layout, "layout");
        vocabulary = List.copyOf(Objects.requireNonNull(vocabulary, "vocabulary"));
        if (layers < 1 || hidden < 1) {
            throw new IllegalArgumentException("layers and hidden width must be >= 1, got " + layers + " x " + hidden);
        }
        if (maxRings < 1) {
            throw new IllegalArgumentException("max rings must be >= 1, got " + maxRings);
        }
        // validates the vocabulary against the layout and the schedule settings
        new GorFeaturizer(vocabulary, maxRings, layout);
        NoiseSchedule.polynomial(1, precision, power);
        if (timesteps < 1) {
            throw new IllegalArgumentException("timesteps must be >= 1, got " + timesteps);
        }
    }

    /** Cata-condensed benzenoids (vocabulary [Bn]) with GaUDI's schedule. */
    public static EdmArchitecture cata(int layers, int hidden, int maxRings) {
        return new EdmArchitecture(layers, hidden, maxRings, NodeLayout.RINGS, List.of(RingType.Bn),
                NoiseSchedule.DEFAULT_TIMESTEPS, NoiseSchedule.DEFAULT_PRECISION, 2.0);
    }

    /** Hetero systems (all ring types plus orientation nodes) with GaUDI's schedule. */
    public static EdmArchitecture hetero(int layers, int hidden, int maxRings) {
        return new EdmArchitecture(layers, hidden, maxRings, NodeLayout.RINGS_WITH_ORIENTATION,
                List.of(RingType.values()), NoiseSchedule.DEFAULT_TIMESTEPS, NoiseSchedule.DEFAULT_PRECISION, 2.0);
    }

    /** The architecture for graphs of the given kind. */
    public static EdmArchitecture forKind(GorKind kind, int layers, int hidden, int maxRings) {
        return kind == GorKind.CATA ? cata(layers, hidden, maxRings) : hetero(layers, hidden, maxRings);
    }

    /** The GOR kind whose distance/angle tables decode this model's samples. */
    public GorKind kind() {
        return layout == NodeLayout.RINGS ? GorKind.CATA : GorKind.HETERO;
    }

    public GorFeaturizer featurizer() {
        return new GorFeaturizer(vocabulary, maxRings, layout);
    }

    public NoiseSchedule schedule() {
        return NoiseSchedule.polynomial(timesteps, precision, power);
    }

    /** A fresh (uninitialised) network of this size. */
    public EgnnDynamics newNetwork() {
        return new EgnnDynamics(vocabulary.size(), hidden, layers);
    }

    /** Ring-type keys in one-hot order ('.' for orientation nodes). */
    public List<String> vocabularyKeys() {
        List<String> keys = new ArrayList<>();
        for (RingType t : vocabulary) {
            keys.add(t.key());
        }
        return keys;
    }

    /**
     * The architecture of an existing diffusion model. The schedule settings are informational (the diffusion keeps
     * its own γ table); NaN settings (a schedule rebuilt from a table) are replaced by GaUDI's.
     */
    static EdmArchitecture of(EquivariantDiffusion d, double precision, double power) {
        GorFeaturizer f = d.featurizer();
        return new EdmArchitecture(d.dynamics().layers(), d.dynamics().hidden(), f.maxRings(), f.layout(),
                f.vocabulary(), d.schedule().timesteps(),
                Double.isFinite(precision) ? precision : NoiseSchedule.DEFAULT_PRECISION,
                Double.isFinite(power) ? power : 2.0);
    }

    /** Adds the descriptive hyper-parameters (schedule, normalisation, fixed EGNN settings) to a header. */
    void describeIn(ModelHeader header) {
        header.hyperParameter("paddedNodes", featurizer().paddedNodes())
                .hyperParameter("schedule", "polynomial_" + formatPower())
                .hyperParameter("schedulePrecision", precision)
                .hyperParameter("schedulePower", power)
                .hyperParameter("normalizeFactors", new double[] {GorFeaturizer.POSITION_SCALE,
                        GorFeaturizer.FEATURE_SCALE})
                .hyperParameter("coordsRange", EgnnDynamics.COORDS_RANGE)
                .hyperParameter("normConstant", EgnnDynamics.NORM_CONSTANT)
                .hyperParameter("attention", true)
                .hyperParameter("tanh", true)
                .hyperParameter("aggregation", "sum");
    }

    private String formatPower() {
        return power == Math.rint(power) ? Integer.toString((int) power) : Double.toString(power);
    }

    @Override
    public String toString() {
        return layers + "x" + hidden + " EGNN, " + layout + " " + vocabularyKeys() + ", max " + maxRings
                + " rings, T=" + timesteps;
    }
}
