package org.gaudi.core.predictor;

/**
 * Shape of the property-predictor network (GaUDI §6.1).
 *
 * @param layers         number of E_GCL layers (reference default 12)
 * @param hidden         node and message width H (reference default 196)
 * @param coordsRange    total coordinate range; each layer steps by coordsRange / layers (reference 4)
 * @param featureDim     F, the node-feature channels of the EDM state (1 for cata, 12 for hetro); time is added
 * @param targets        number of predicted properties
 * @param distanceBasis  K, Gaussian radial basis functions of the input distances added to every layer's edge
 *                       attributes (0, the reference, adds none; see {@link DistanceBasis})
 * @param distanceCutoff largest basis centre in normalised units (x/3), ignored when distanceBasis is 0
 */
public record PredictorConfig(int layers, int hidden, double coordsRange, int featureDim, int targets,
        int distanceBasis, double distanceCutoff) {

    public static final int DEFAULT_LAYERS = 12;
    public static final int DEFAULT_HIDDEN = 196;
    public static final double DEFAULT_COORDS_RANGE = 4.0;
    /** Basis functions of a network with the distance basis on (0 = the reference network). */
    public static final int DEFAULT_DISTANCE_BASIS = 32;
    /** 4 normalised units = 12 Å: first to about fifth ring neighbours. */
    public static final double DEFAULT_DISTANCE_CUTOFF = 4.0;

    public PredictorConfig {
        if (layers < 1 || hidden < 1 || featureDim < 1 || targets < 1) {
            throw new IllegalArgumentException("predictor needs layers, hidden, featureDim and targets >= 1, got "
                    + layers + ", " + hidden + ", " + featureDim + ", " + targets);
        }
        if (!(coordsRange > 0) || Double.isInfinite(coordsRange)) {
            throw new IllegalArgumentException("coordsRange must be positive and finite, got " + coordsRange);
        }
        if (distanceBasis < 0 || distanceBasis == 1) {
            throw new IllegalArgumentException("distance basis must be 0 (off) or >= 2 functions, got "
                    + distanceBasis);
        }
        if (distanceBasis > 0 && (!(distanceCutoff > 0) || Double.isInfinite(distanceCutoff))) {
            throw new IllegalArgumentException("distance cutoff must be positive and finite, got " + distanceCutoff);
        }
    }

    /** The reference network (no distance basis). */
    public PredictorConfig(int layers, int hidden, double coordsRange, int featureDim, int targets) {
        this(layers, hidden, coordsRange, featureDim, targets, 0, DEFAULT_DISTANCE_CUTOFF);
    }

    /** The reference architecture (12 layers × 196, coords_range 4) for the given features and targets. */
    public static PredictorConfig reference(int featureDim, int targets) {
        return new PredictorConfig(DEFAULT_LAYERS, DEFAULT_HIDDEN, DEFAULT_COORDS_RANGE, featureDim, targets);
    }

    /** Fixed edge attributes per pair: the input squared distance plus the basis functions. */
    public int fixedEdgeAttributes() {
        return 1 + distanceBasis;
    }

    /** Trainable parameters of this architecture (matches the built block; 3,249,697 for the cata reference). */
    public long parameterCount() {
        long h = hidden;
        long perLayer = (2 * h + 1 + fixedEdgeAttributes()) * h + h + h * h + h // edge MLP
                + 2 * h * h + h + h * h + h // node MLP
                + h * h + h + h // coordinate MLP (last layer bias-free)
                + h + 1; // attention
        return (featureDim + 1) * h + h + layers * perLayer + h * targets + targets;
    }
}
