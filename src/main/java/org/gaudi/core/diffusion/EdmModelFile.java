package org.gaudi.core.diffusion;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gaudi.core.gor.RingType;
import org.gaudi.core.model.ModelArchive;
import org.gaudi.core.model.ModelFormatException;
import org.gaudi.core.model.ModelHeader;
import org.gaudi.core.nn.EgnnDynamics;

/**
 * What an EDM model file holds besides the weights, and how to rebuild the model from it. Kind {@value #KIND};
 * hyper-parameters: {@code features}, {@code hidden}, {@code layers}, {@code maxRings}, {@code layout},
 * {@code vocabulary} (ring-type keys in one-hot order), {@code timesteps} and {@code gamma} (the float32 γ table,
 * so a file keeps working if the schedule code changes); metadata {@code ringCounts} (the
 * {@link RingCountDistribution} counts by ring number) when given.
 */
public final class EdmModelFile {
    /** Model kind in the header. */
    public static final String KIND = "gaudi-edm";

    /** A model read back from a file. */
    public record Loaded(EquivariantDiffusion diffusion, RingCountDistribution ringCounts) {
    }

    private EdmModelFile() {
    }

    /** A header describing {@code diffusion} (and the ring-count distribution, if not null). */
    public static ModelHeader header(EquivariantDiffusion diffusion, RingCountDistribution ringCounts) {
        EgnnDynamics net = diffusion.dynamics();
        GorFeaturizer feat = diffusion.featurizer();
        List<String> vocabulary = new ArrayList<>();
        for (RingType t : feat.vocabulary()) {
            vocabulary.add(t.name());
        }
        ModelHeader h = new ModelHeader(KIND)
                .hyperParameter("features", net.features())
                .hyperParameter("hidden", net.hidden())
                .hyperParameter("layers", net.layers())
                .hyperParameter("maxRings", feat.maxRings())
                .hyperParameter("layout", feat.layout().name())
                .hyperParameter("vocabulary", vocabulary)
                .hyperParameter("timesteps", diffusion.schedule().timesteps())
                .hyperParameter("gamma", diffusion.schedule().gammaTable());
        if (ringCounts != null) {
            h.metadata("ringCounts", ringCounts.counts());
        }
        return h;
    }

    /** An archive of the diffusion's current weights with {@link #header}. */
    public static ModelArchive archive(EquivariantDiffusion diffusion, RingCountDistribution ringCounts) {
        return ModelArchive.of(header(diffusion, ringCounts), diffusion.dynamics());
    }

    /**
     * Rebuilds the diffusion described by {@code archive}'s header on {@code manager}'s device and loads its
     * weights.
     *
     * @throws ModelFormatException when the file is not an EDM or its contents do not fit together
     */
    public static Loaded load(ModelArchive archive, NDManager manager) throws ModelFormatException {
        Objects.requireNonNull(archive, "archive");
        ModelHeader h = archive.header();
        if (!KIND.equals(h.kind())) {
            throw new ModelFormatException(archive.source(), "holds a '" + h.kind() + "' model, not '" + KIND + "'");
        }
        try {
            int features = h.hyperParameter("features", Integer.class);
            int hidden = h.hyperParameter("hidden", Integer.class);
            int layers = h.hyperParameter("layers", Integer.class);
            int maxRings = h.hyperParameter("maxRings", Integer.class);
            NodeLayout layout = NodeLayout.valueOf(h.hyperParameter("layout", String.class));
            List<RingType> vocabulary = new ArrayList<>();
            for (String key : h.hyperParameter("vocabulary", String[].class)) {
                vocabulary.add(RingType.valueOf(key));
            }
            float[] gamma = h.hyperParameter("gamma", float[].class);
            int timesteps = h.hyperParameter("timesteps", Integer.class);
            if (gamma.length != timesteps + 1) {
                throw new ModelFormatException(archive.source(), "gamma table has " + gamma.length
                        + " entries but timesteps is " + timesteps);
            }
            GorFeaturizer featurizer = new GorFeaturizer(vocabulary, maxRings, layout);
            EgnnDynamics net = new EgnnDynamics(features, hidden, layers);
            net.initializeParameters(manager, 0);
            archive.loadParametersInto(net);
            EquivariantDiffusion diffusion = new EquivariantDiffusion(net, NoiseSchedule.fromGammaTable(gamma),
                    featurizer);
            RingCountDistribution counts = h.hasMetadata("ringCounts")
                    ? RingCountDistribution.fromCounts(h.metadata("ringCounts", new TypeReference<long[]>() {
                    }))
                    : null;
            return new Loaded(diffusion, counts);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ModelFormatException(archive.source(), "EDM header is inconsistent: " + e.getMessage(), e);
        }
    }
}
