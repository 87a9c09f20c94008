package org.gaudi.core.train;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

public class AmsGradAdamWTest {
    private static NDManager manager;

    @BeforeClass
    public static void setUp() {
        manager = NDManager.newBaseManager(Device.cpu());
    }

    @AfterClass
    public static void tearDown() {
        manager.close();
    }

    /** Gradient sequence: a large first gradient, then smaller ones, so v decays below its running max. */
    private static double[] gradient(int t) {
        return new double[] {10.0 / (t * t), -0.5 + 0.1 * t};
    }

    /**
     * PyTorch's documented AdamW algorithm (torch.optim.AdamW, amsgrad=True) in plain doubles: decoupled decay,
     * moments, max of the raw second moment, denominator sqrt(vmax)/sqrt(bc2) + eps, step lr/bc1.
     */
    private static double[][] reference(double[] w0, int steps, double lr, double b1, double b2, double eps,
            double wd, boolean amsgrad) {
        double[] w = w0.clone();
        double[] m = new double[2];
        double[] v = new double[2];
        double[] vmax = new double[2];
        double[][] traj = new double[steps][];
        for (int t = 1; t <= steps; t++) {
            double[] g = gradient(t);
            for (int i = 0; i < 2; i++) {
                w[i] *= 1 - lr * wd;
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double bc1 = 1 - Math.pow(b1, t);
                double bc2 = 1 - Math.pow(b2, t);
                double denom;
                if (amsgrad) {
                    vmax[i] = Math.max(vmax[i], v[i]);
                    denom = Math.sqrt(vmax[i]) / Math.sqrt(bc2) + eps;
                } else {
                    denom = Math.sqrt(v[i]) / Math.sqrt(bc2) + eps;
                }
                w[i] -= lr / bc1 * m[i] / denom;
            }
            traj[t - 1] = w.clone();
        }
        return traj;
    }

    private static void step(AmsGradAdamW opt, NDArray w, int t) {
        try (NDManager sub = manager.newSubManager(); GradMode.Scope s = GradMode.disabled()) {
            double[] g = gradient(t);
            opt.update("w", w, sub.create(new float[] {(float) g[0], (float) g[1]}));
        }
    }

    @Test
    public void matchesPyTorchAlgorithmStepByStep() {
        double lr = 0.05;
        double wd = 0.1; // large, so the decoupled decay shows
        double[] w0 = {1.5, -2.0};
        int steps = 12;
        // beta2 = 0.9 lets v fall below its running max within a few steps, so AMSGrad's max is exercised.
        double[][] ref = reference(w0, steps, lr, 0.9, 0.9, 1e-8, wd, true);
        double[][] plainAdam = reference(w0, steps, lr, 0.9, 0.9, 1e-8, wd, false);
        try (AmsGradAdamW opt = AmsGradAdamW.builder().learningRate(lr).betas(0.9, 0.9).weightDecay(wd).build()) {
            NDArray w = manager.create(new float[] {(float) w0[0], (float) w0[1]});
            for (int t = 1; t <= steps; t++) {
                step(opt, w, t);
                float[] got = w.toFloatArray();
                for (int i = 0; i < 2; i++) {
                    assertEquals("step " + t + " weight " + i, ref[t - 1][i], got[i], 2e-6);
                }
            }
            assertEquals(steps, opt.stepCount("w"));
            // The max of v matters on this sequence: plain Adam ends elsewhere, further than the tolerance.
            float[] end = w.toFloatArray();
            assertTrue(Math.abs(plainAdam[steps - 1][0] - end[0]) > 1e-3
                    || Math.abs(plainAdam[steps - 1][1] - end[1]) > 1e-3);
        }
    }

    @Test
    public void defaultsAreTheReferenceSettings() {
        try (AmsGradAdamW opt = AmsGradAdamW.builder().build()) {
            assertEquals(1e-3, opt.learningRate(), 0);
            assertEquals(0.9, opt.beta1(), 0);
            assertEquals(0.999, opt.beta2(), 0);
            assertEquals(1e-8, opt.epsilon(), 0);
            assertEquals(1e-12, opt.weightDecay(), 0);
            double[][] ref = reference(new double[] {0.3, 0.7}, 5, 1e-3, 0.9, 0.999, 1e-8, 1e-12, true);
            NDArray w = manager.create(new float[] {0.3f, 0.7f});
            for (int t = 1; t <= 5; t++) {
                step(opt, w, t);
            }
            assertArrayEquals(new float[] {(float) ref[4][0], (float) ref[4][1]}, w.toFloatArray(), 1e-6f);
        }
    }

    @Test
    public void savedStateContinuesIdentically() throws IOException {
        NDArray a = manager.create(new float[] {1.5f, -2f});
        NDArray b = manager.create(new float[] {1.5f, -2f});
        try (AmsGradAdamW first = AmsGradAdamW.builder().learningRate(0.05).build();
                AmsGradAdamW uninterrupted = AmsGradAdamW.builder().learningRate(0.05).build();
                AmsGradAdamW second = AmsGradAdamW.builder().learningRate(0.05).build()) {
            for (int t = 1; t <= 4; t++) {
                step(first, a, t);
                step(uninterrupted, b, t);
            }
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            first.saveState(new DataOutputStream(bos));
            second.loadState(new DataInputStream(new ByteArrayInputStream(bos.toByteArray())), manager);
            assertEquals(4, second.stepCount("w"));
            for (int t = 5; t <= 9; t++) {
                step(second, a, t);
                step(uninterrupted, b, t);
            }
            assertArrayEquals(b.toFloatArray(), a.toFloatArray(), 0f);
        }
    }

    @Test(expected = IOException.class)
    public void rejectsForeignState() throws IOException {
        try (AmsGradAdamW opt = AmsGradAdamW.builder().build()) {
            opt.loadState(new DataInputStream(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})),
                    manager);
        }
    }

    @Test
    public void updatesLeaveNoArraysBehind() {
        NDArray w = manager.create(new float[] {1f, 2f});
        try (AmsGradAdamW opt = AmsGradAdamW.builder().build()) {
            step(opt, w, 1);
            int before = manager.getManagedArrays().size();
            for (int t = 2; t <= 50; t++) {
                step(opt, w, t);
            }
            assertEquals(before, manager.getManagedArrays().size());
        }
    }

    @Test
    public void worksOnAThreadWhereGradModeWasOn() throws Exception {
        // PyTorch's grad mode is thread-local and on by default on threads other than the engine's loader.
        NDArray w = manager.create(new float[] {1f, 2f});
        w.setRequiresGradient(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try (AmsGradAdamW opt = AmsGradAdamW.builder().learningRate(0.1).build()) {
                GradMode.set(true);
                step(opt, w, 1);
                assertTrue("grad mode restored", GradMode.isEnabled());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        t.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        float[] got = w.toFloatArray();
        assertTrue(got[0] < 1f && got[1] > 2f); // the first step moves against the gradient (10, -0.4)
    }
}
