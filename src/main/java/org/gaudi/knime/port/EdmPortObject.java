package org.gaudi.knime.port;

import org.gaudi.core.model.ModelArchive;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** Port carrying a trained E(3)-equivariant diffusion model over graphs of rings. */
public final class EdmPortObject extends ModelPortObject {

    /** Registered in plugin.xml as the object serializer of the EDM port type. */
    public static final class Serializer extends AbstractPortObjectSerializer<EdmPortObject> {
    }

    /** {@link ModelArchive} kind of the model files on this port. */
    public static final String ARCHIVE_KIND = "gaudi-edm";

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(EdmPortObject.class);

    public static final PortType TYPE_OPTIONAL = PortTypeRegistry.getInstance().getPortType(EdmPortObject.class,
            true);

    /** For the serializer only. */
    public EdmPortObject() {
    }

    public EdmPortObject(final EdmPortObjectSpec spec, final byte[] modelFile) {
        super(spec, modelFile);
    }

    /** A port carrying {@code archive}, which must be of kind {@value #ARCHIVE_KIND}. */
    public EdmPortObject(final EdmPortObjectSpec spec, final ModelArchive archive) {
        super(spec, archiveBytes(archive, ARCHIVE_KIND));
    }

    @Override
    protected String archiveKind() {
        return ARCHIVE_KIND;
    }

    @Override
    protected Class<EdmPortObjectSpec> specClass() {
        return EdmPortObjectSpec.class;
    }

    @Override
    public EdmPortObjectSpec getSpec() {
        return (EdmPortObjectSpec) super.getSpec();
    }
}
