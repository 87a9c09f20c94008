package org.gaudi.knime.port;

import org.gaudi.core.model.ModelArchive;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** Port carrying a trained time-conditioned property predictor. */
public final class PredictorPortObject extends ModelPortObject {

    /** Registered in plugin.xml as the object serializer of the predictor port type. */
    public static final class Serializer extends AbstractPortObjectSerializer<PredictorPortObject> {
    }

    /** {@link ModelArchive} kind of the model files on this port. */
    public static final String ARCHIVE_KIND = "gaudi-predictor";

    public static final PortType TYPE = PortTypeRegistry.getInstance().getPortType(PredictorPortObject.class);

    public static final PortType TYPE_OPTIONAL =
            PortTypeRegistry.getInstance().getPortType(PredictorPortObject.class, true);

    /** For the serializer only. */
    public PredictorPortObject() {
    }

    public PredictorPortObject(final PredictorPortObjectSpec spec, final byte[] modelFile) {
        super(spec, modelFile);
    }

    /** A port carrying {@code archive}, which must be of kind {@value #ARCHIVE_KIND}. */
    public PredictorPortObject(final PredictorPortObjectSpec spec, final ModelArchive archive) {
        super(spec, archiveBytes(archive, ARCHIVE_KIND));
    }

    @Override
    protected String archiveKind() {
        return ARCHIVE_KIND;
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
