package org.gaudi.knime.port;

import org.gaudi.core.clm.ClmModel;
import org.gaudi.core.model.ModelArchive;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** Port carrying a trained GPT-2 chemical language model. */
public final class ClmPortObject extends ModelPortObject {

    /** Registered in plugin.xml as the object serializer of the language-model port type. */
    public static final class Serializer extends AbstractPortObjectSerializer<ClmPortObject> {
    }

    /** {@link ModelArchive} kind of the model files on this port. */
    public static final String ARCHIVE_KIND = ClmModel.KIND;

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(ClmPortObject.class);

    /** For the serializer only. */
    public ClmPortObject() {
    }

    public ClmPortObject(final ClmPortObjectSpec spec, final byte[] modelFile) {
        super(spec, modelFile);
    }

    /** A port carrying {@code archive}, which must be of kind {@value #ARCHIVE_KIND}. */
    public ClmPortObject(final ClmPortObjectSpec spec, final ModelArchive archive) {
        super(spec, archiveBytes(archive, ARCHIVE_KIND));
    }

    @Override
    protected String archiveKind() {
        return ARCHIVE_KIND;
    }

    @Override
    protected Class<ClmPortObjectSpec> specClass() {
        return ClmPortObjectSpec.class;
    }

    @Override
    public ClmPortObjectSpec getSpec() {
        return (ClmPortObjectSpec) super.getSpec();
    }
}
