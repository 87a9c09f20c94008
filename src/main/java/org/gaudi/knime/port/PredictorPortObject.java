package org.gaudi.knime.port;

import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** Port carrying a trained time-conditioned property predictor. */
public final class PredictorPortObject extends ModelPortObject {

    /** Registered in plugin.xml as the object serializer of the predictor port type. */
    public static final class Serializer extends AbstractPortObjectSerializer<PredictorPortObject> {
    }

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(PredictorPortObject.class);

    public static final PortType TYPE_OPTIONAL =
            PortTypeRegistry.getInstance().getPortType(PredictorPortObject.class, true);

    /** For the serializer only. */
    public PredictorPortObject() {
    }

    public PredictorPortObject(final PredictorPortObjectSpec spec, final byte[] modelFile) {
        super(spec, modelFile);
    }

    @Override
    protected Class<PredictorPortObjectSpec> specClass() {
        return PredictorPortObjectSpec.class;
    }

    @Override
    public PredictorPortObjectSpec getSpec() {
        return (PredictorPortObjectSpec) super.getSpec();
    }
}
