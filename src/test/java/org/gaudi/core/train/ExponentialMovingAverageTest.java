package org.gaudi.core.train;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The EMA's values: shadow ← d·shadow + (1 − d)·w after every step, starting from the initial weights. */
public class ExponentialMovingAverageTest {
    private NDManager manager;

    @Before
    public void setUp() {
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @After
    public void tearDown() {
        manager.close();
    }

    private static float[] read(ParameterSnapshot s, String name, NDManager m, long... shape) {
        Map<String, NDArray> target = new LinkedHashMap<>();
        for (String n : s.names()) {
            target.put(n, m.zeros(new ai.djl.ndarray.types.Shape(shape)));
        }
        s.restoreInto(target);
        return target.get(name).toFloatArray();
    }

    @Test
    public void shadowsFollowTheClosedForm() {
        NDArray a = manager.create(new float[] {1f, -2f});
        Map<String, NDArray> w = new LinkedHashMap<>();
        w.put("a", a);
        double d = 0.9;
        try (ExponentialMovingAverage ema = new ExponentialMovingAverage(d, w)) {
            // the shadow starts as a copy: later in-place changes of the weight do not move it
            a.set(new float[] {3f, 0f});
            assertArrayEquals(new float[] {1f, -2f}, read(ema.snapshot(), "a", manager, 2), 0f);
            ema.update(w);
            a.set(new float[] {5f, 4f});
            ema.update(w);
            float[] expected = {
                (float) (d * (d * 1 + (1 - d) * 3) + (1 - d) * 5),
                (float) (d * (d * -2 + (1 - d) * 0) + (1 - d) * 4)};
            assertArrayEquals(expected, read(ema.snapshot(), "a", manager, 2), 1e-6f);
            // restore (resume) replaces the shadows
            ParameterSnapshot saved = ema.snapshot();
            float[] before = read(saved, "a", manager, 2);
            ema.update(w);
            ema.restore(saved);
            assertArrayEquals(before, read(ema.snapshot(), "a", manager, 2), 0f);
        }
    }

    /**
     * In training, the kept weights are the EMA of the weights after every optimiser step: the same run without EMA
     * (EMA does not change the trajectory) records each step's weights, and their average must equal what the EMA
     * run keeps as its final weights.
     */
    @Test
    public void trainerKeepsTheAverageOfEveryStepsWeights() {
        List<float[]> data = TinyRegression.data(64, 0.0, 2);
        DataSplit noValidation = DataSplit.of(64, range(64), new int[0], new int[0]);
        double d = 0.8;

        TinyRegression plain = new TinyRegression(manager, 4, 7);
        List<Map<String, float[]>> trajectory = new ArrayList<>();
        trajectory.add(values(plain));
        new Trainer(TrainingSettings.builder().epochs(3).batchSize(16).learningRate(1e-2).seed(3).build())
                .listener(new TrainingListener() {
                    @Override
                    public void onStep(TrainingProgress p) {
                        trajectory.add(values(plain));
                    }
                }).fit(plain, data, noValidation);
        assertEquals(1 + 3 * 4, trajectory.size());
        Map<String, float[]> expected = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> e : trajectory.get(0).entrySet()) {
            double[] avg = new double[e.getValue().length];
            for (int i = 0; i < avg.length; i++) {
                avg[i] = e.getValue()[i];
            }
            for (Map<String, float[]> step : trajectory.subList(1, trajectory.size())) {
                float[] v = step.get(e.getKey());
                for (int i = 0; i < avg.length; i++) {
                    avg[i] = d * avg[i] + (1 - d) * v[i];
                }
            }
            float[] f = new float[avg.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) avg[i];
            }
            expected.put(e.getKey(), f);
        }

        TinyRegression averaged = new TinyRegression(manager, 4, 7);
        new Trainer(TrainingSettings.builder().epochs(3).batchSize(16).learningRate(1e-2).seed(3).emaDecay(d)
                .build()).fit(averaged, data, noValidation);
        Map<String, float[]> kept = values(averaged);
        Map<String, float[]> last = trajectory.get(trajectory.size() - 1);
        boolean differsFromLast = false;
        for (String name : expected.keySet()) {
            assertArrayEquals(name, expected.get(name), kept.get(name), 1e-5f);
            differsFromLast |= !java.util.Arrays.equals(last.get(name), kept.get(name));
        }
        assertTrue("the EMA weights must not be the last step's weights", differsFromLast);
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static Map<String, float[]> values(TinyRegression model) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : model.block().getParameters()) {
            out.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return out;
    }
}
