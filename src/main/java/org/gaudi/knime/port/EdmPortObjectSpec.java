package org.gaudi.knime.port;

/** Spec of the EDM (diffusion model) port: vocabulary, schedule and ring limit of a trained EDM. */
public final class EdmPortObjectSpec extends ModelPortObjectSpec {

    /** Model kind of EDM ports. */
    public static final String KIND = "edm";

    /** Registered in plugin.xml as the spec serializer of the EDM port type. */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<EdmPortObjectSpec> {
    }

    /** For the serializer only. */
    public EdmPortObjectSpec() {
    }

    public EdmPortObjectSpec(final ModelInfo info) {
        super(info);
    }

    @Override
    protected String expectedKind() {
        return KIND;
    }

    @Override
    protected void checkInfo(final ModelInfo info) {
        if (info.vocabulary().isEmpty()) {
            throw new IllegalArgumentException("an EDM needs its ring-type vocabulary");
        }
        if (info.timesteps() <= 0) {
            throw new IllegalArgumentException("an EDM needs its number of diffusion steps");
        }
    }
}
