package org.gaudi.knime.port;

/** Spec of the property-predictor port: target names and units, vocabulary and schedule it was trained with. */
public final class PredictorPortObjectSpec extends ModelPortObjectSpec {

    /** Model kind of predictor ports. */
    public static final String KIND = "predictor";

    /** Registered in plugin.xml as the spec serializer of the predictor port type. */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<PredictorPortObjectSpec> {
    }

    /** For the serializer only. */
    public PredictorPortObjectSpec() {
    }

    public PredictorPortObjectSpec(final ModelInfo info) {
        super(info);
    }

    @Override
    protected String expectedKind() {
        return KIND;
    }

    @Override
    protected void checkInfo(final ModelInfo info) {
        if (info.targets().isEmpty()) {
            throw new IllegalArgumentException("a predictor needs at least one target");
        }
        if (info.vocabulary().isEmpty()) {
            throw new IllegalArgumentException("a predictor needs its ring-type vocabulary");
        }
    }
}
