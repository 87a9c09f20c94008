package org.gaudi.knime.port;

import java.util.Map;

import org.gaudi.core.clm.ClmModel;
import org.gaudi.core.clm.Gpt2Config;
import org.gaudi.core.diffusion.EdmArchitecture;
import org.gaudi.core.diffusion.EdmModel;
import org.gaudi.core.predictor.PredictorSpec;
import org.gaudi.core.predictor.PredictorTarget;
import org.gaudi.core.predictor.PropertyPredictor;

/**
 * The {@link ModelInfo} of trained core models, as their ports carry it: what downstream configure() checks
 * (vocabulary, targets, schedule, ring limit) and what the port view shows (key hyper-parameters and metrics, read
 * from the settings and figures the core recorded in the model).
 */
public final class ModelInfos {

    /** Metric key prefix of the per-target MAE of a predictor (at t = 0 on the validation split). */
    public static final String MAE_PREFIX = "validation MAE ";
    /** Metric key prefix of the per-target MAE of the predict-the-training-mean baseline. */
    public static final String BASELINE_PREFIX = "baseline MAE ";

    private ModelInfos() {
    }

    /** The schedule name GaUDI's models record, e.g. "polynomial_2". */
    public static String scheduleName(final double power) {
        return "polynomial_" + (power == Math.rint(power) ? Integer.toString((int) power) : Double.toString(power));
    }

    /** What a trained EDM is. */
    public static ModelInfo ofEdm(final EdmModel model) {
        EdmArchitecture a = model.architecture();
        ModelInfo.Builder b = ModelInfo.builder(EdmPortObjectSpec.KIND).vocabulary(a.vocabularyKeys())
                .schedule(scheduleName(a.power()), a.timesteps()).maxRings(a.maxRings())
                .hyperParameter("layers", a.layers()).hyperParameter("hidden", a.hidden())
                .hyperParameter("parameters", model.parameterCount());
        Map<String, Object> t = model.training();
        copy(t, b, "epochs", "epochs");
        copy(t, b, "batchSize", "batch size");
        copy(t, b, "learningRate", "learning rate");
        copy(t, b, "seed", "seed");
        copy(t, b, "emaDecay", "EMA decay");
        copy(model.metrics(), b, "device", "trained on");
        metric(model.metrics(), b, "bestValidationLoss", "best validation loss");
        metric(model.metrics(), b, "finalTrainLoss", "final train loss");
        return b.build();
    }

    /**
     * What a trained predictor is.
     *
     * @param maxRings the ring limit it was trained for (its EDM's, or the largest ring count of its data)
     * @param metrics further figures, e.g. {@link #MAE_PREFIX} + target
     */
    public static ModelInfo ofPredictor(final PropertyPredictor predictor, final int maxRings,
            final Map<String, Double> metrics) {
        PredictorSpec s = predictor.spec();
        ModelInfo.Builder b = ModelInfo.builder(PredictorPortObjectSpec.KIND).vocabulary(s.vocabularyKeys())
                .schedule(scheduleName(s.schedulePower()), s.timesteps()).maxRings(maxRings)
                .hyperParameter("layers", s.config().layers()).hyperParameter("hidden", s.config().hidden())
                .hyperParameter("parameters", predictor.parameterCount());
        for (PredictorTarget t : s.targets()) {
            b.target(t.name(), t.unit());
        }
        Map<String, Object> t = predictor.training();
        copy(t, b, "epochs", "epochs");
        copy(t, b, "batchSize", "batch size");
        copy(t, b, "learningRate", "learning rate");
        copy(t, b, "seed", "seed");
        copy(predictor.metrics(), b, "device", "trained on");
        metric(predictor.metrics(), b, "bestValidationL1", "best validation L1 (z-scored)");
        metrics.forEach((k, v) -> {
            if (v != null && Double.isFinite(v)) {
                b.metric(k, v);
            }
        });
        return b.build();
    }

    /** What a trained chemical language model is (its vocabulary stands in for the ring-type vocabulary). */
    public static ModelInfo ofClm(final ClmModel model) {
        Gpt2Config c = model.config();
        ModelInfo.Builder b = ModelInfo.builder(ClmPortObjectSpec.KIND).vocabulary(model.vocabulary().tokens())
                .hyperParameter("layers", c.layers()).hyperParameter("width", c.width())
                .hyperParameter("heads", c.heads()).hyperParameter("context", c.contextLength())
                .hyperParameter("parameters", model.parameterCount());
        if (model.data().get("maxRings") instanceof Number n) {
            b.maxRings(n.intValue());
        }
        Map<String, Object> t = model.training();
        copy(t, b, "epochs", "epochs");
        copy(t, b, "batchSize", "batch size");
        copy(t, b, "learningRate", "learning rate");
        copy(t, b, "randomisedSmiles", "randomised SMILES per molecule");
        copy(t, b, "seed", "seed");
        copy(model.metrics(), b, "device", "trained on");
        metric(model.metrics(), b, "validationPerplexity", "validation perplexity");
        metric(model.metrics(), b, "testPerplexity", "test perplexity");
        b.metric("training molecules", model.trainingInchiKeys().size());
        return b.build();
    }

    private static void copy(Map<String, Object> from, ModelInfo.Builder b, String key, String name) {
        Object v = from.get(key);
        if (v != null) {
            b.hyperParameter(name, v);
        }
    }

    private static void metric(Map<String, Object> from, ModelInfo.Builder b, String key, String name) {
        if (from.get(key) instanceof Number n && Double.isFinite(n.doubleValue())) {
            b.metric(name, n.doubleValue());
        }
    }
}
