package org.gaudi.core.predictor;

import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.UniformInitializer;

/**
 * DJL {@link Linear} layers initialised as PyTorch does (GaUDI §12.5): U(±1/√fan_in) for weights and biases,
 * Xavier-uniform with a gain for the bias-free coordinate output layer.
 */
final class TorchInit {
    private TorchInit() {
    }

    /** Linear(in → out) with PyTorch's default initialisation. */
    static Linear linear(int in, int out, boolean bias) {
        Linear l = Linear.builder().setUnits(out).optBias(bias).build();
        float bound = (float) (1.0 / Math.sqrt(in));
        l.setInitializer(new UniformInitializer(bound), Parameter.Type.WEIGHT);
        if (bias) {
            l.setInitializer(new UniformInitializer(bound), Parameter.Type.BIAS);
        }
        return l;
    }

    /** Bias-free Linear(in → out), Xavier-uniform with the given gain: bound = gain·√(6/(in+out)). */
    static Linear xavierNoBias(int in, int out, double gain) {
        Linear l = Linear.builder().setUnits(out).optBias(false).build();
        l.setInitializer(new UniformInitializer((float) (gain * Math.sqrt(6.0 / (in + out)))),
                Parameter.Type.WEIGHT);
        return l;
    }
}
