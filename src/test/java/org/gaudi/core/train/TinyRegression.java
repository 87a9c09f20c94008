package org.gaudi.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;

/**
 * Test fixture: a 2 → h → h → 1 tanh MLP regressing y = sin(x0) + 0.5·x1² − 0.3 (+ optional label noise). Training
 * adds input jitter drawn from the step's SplittableRandom, so the trainer's seeding is exercised.
 */
final class TinyRegression implements TrainableModel<float[]> {
    final SequentialBlock block;
    double inputJitter = 0.01;
    /** If >= 0, the training loss of this call index (counting from 0) is replaced by NaN. */
    int nanAtCall = -1;
    private int calls;

    TinyRegression(NDManager manager, int hidden, long initSeed) {
        block = new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build()).add(Activation::tanh)
                .add(Linear.builder().setUnits(hidden).build()).add(Activation::tanh)
                .add(Linear.builder().setUnits(1).build());
        Engine.getInstance().setRandomSeed((int) initSeed);
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
    }

    static List<float[]> data(int n, double labelNoise, long seed) {
        Random r = new Random(seed);
        List<float[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float x0 = (float) (4 * r.nextDouble() - 2);
            float x1 = (float) (4 * r.nextDouble() - 2);
            float y = (float) (Math.sin(x0) + 0.5 * x1 * x1 - 0.3 + labelNoise * r.nextGaussian());
            out.add(new float[] {x0, x1, y});
        }
        return out;
    }

    @Override
    public Block block() {
        return block;
    }

    @Override
    public NDArray trainingLoss(NDManager manager, List<float[]> batch, SplittableRandom random) {
        NDArray loss = loss(manager, batch, random, inputJitter);
        if (calls++ == nanAtCall) {
            return loss.mul(Float.NaN);
        }
        return loss;
    }

    @Override
    public NDArray validationLoss(NDManager manager, List<float[]> batch, SplittableRandom random) {
        return loss(manager, batch, random, 0);
    }

    /** Mean squared error of the batch (no jitter when {@code jitter} is 0). */
    NDArray loss(NDManager manager, List<float[]> batch, SplittableRandom random, double jitter) {
        float[] x = new float[batch.size() * 2];
        float[] y = new float[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            float[] it = batch.get(i);
            x[2 * i] = (float) (it[0] + jitter * random.nextGaussian());
            x[2 * i + 1] = (float) (it[1] + jitter * random.nextGaussian());
            y[i] = it[2];
        }
        NDArray in = manager.create(x, new Shape(batch.size(), 2));
        NDArray target = manager.create(y, new Shape(batch.size(), 1));
        NDArray out = block.forward(new ParameterStore(manager, false), new NDList(in), true).singletonOrThrow();
        return out.sub(target).square().mean();
    }

    /** Predictions for the items (no gradient). */
    float[] predict(NDManager manager, List<float[]> items) {
        try (NDManager sub = manager.newSubManager(); GradMode.Scope s = GradMode.disabled()) {
            float[] x = new float[items.size() * 2];
            for (int i = 0; i < items.size(); i++) {
                x[2 * i] = items.get(i)[0];
                x[2 * i + 1] = items.get(i)[1];
            }
            NDArray in = sub.create(x, new Shape(items.size(), 2));
            return block.forward(new ParameterStore(sub, false), new NDList(in), false).singletonOrThrow()
                    .toFloatArray();
        }
    }
}
