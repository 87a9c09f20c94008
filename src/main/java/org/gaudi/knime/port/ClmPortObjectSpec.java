package org.gaudi.knime.port;

/** Spec of the chemical-language-model port: its SMILES token vocabulary, context length and key figures. */
public final class ClmPortObjectSpec extends ModelPortObjectSpec {

    /** Model kind of language-model ports. */
    public static final String KIND = "clm";

    /** Registered in plugin.xml as the spec serializer of the language-model port type. */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<ClmPortObjectSpec> {
    }

    /** For the serializer only. */
    public ClmPortObjectSpec() {
    }

    public ClmPortObjectSpec(final ModelInfo info) {
        super(info);
    }

    @Override
    protected String expectedKind() {
        return KIND;
    }

    @Override
    protected void checkInfo(final ModelInfo info) {
        if (info.vocabulary().isEmpty()) {
            throw new IllegalArgumentException("a language model needs its token vocabulary");
        }
    }
}
