package org.gaudi.knime.port;

import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** Port carrying a trained E(3)-equivariant diffusion model over graphs of rings. */
public final class EdmPortObject extends ModelPortObject {

    /** Registered in plugin.xml as the object serializer of the EDM port type. */
    public static final class Serializer extends AbstractPortObjectSerializer<EdmPortObject> {
    }

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(EdmPortObject.class);

    public static final PortType TYPE_OPTIONAL = PortTypeRegistry.getInstance().getPortType(EdmPortObject.class,
            true);

    /** For the serializer only. */
    public EdmPortObject() {
    }

    public EdmPortObject(final EdmPortObjectSpec spec, final byte[] modelFile) {
        super(spec, modelFile);
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
