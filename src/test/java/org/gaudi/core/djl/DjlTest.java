package org.gaudi.core.djl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.Test;

public class DjlTest {

    @Test
    public void restoresContextClassLoader() {
        ClassLoader mine = new ClassLoader(getClass().getClassLoader()) {
        };
        Thread.currentThread().setContextClassLoader(mine);
        try {
            ClassLoader inside = Djl.call(() -> Thread.currentThread().getContextClassLoader());
            assertSame(Djl.class.getClassLoader(), inside);
            assertSame(mine, Thread.currentThread().getContextClassLoader());
            try {
                Djl.run(() -> {
                    throw new java.io.IOException("boom");
                });
                fail("expected the checked exception to pass through");
            } catch (java.io.IOException expected) {
                assertSame(mine, Thread.currentThread().getContextClassLoader());
            }
        } finally {
            Thread.currentThread().setContextClassLoader(getClass().getClassLoader());
        }
    }

    @Test
    public void parsesDeviceSettings() {
        assertEquals(Djl.DeviceSetting.AUTO, Djl.DeviceSetting.parse(" Auto "));
        assertEquals(Djl.DeviceSetting.CPU, Djl.DeviceSetting.parse("cpu"));
        assertEquals(Djl.DeviceSetting.GPU, Djl.DeviceSetting.parse("GPU"));
        try {
            Djl.DeviceSetting.parse("tpu");
            fail();
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().contains("auto, cpu, gpu"));
        }
        assertEquals(Device.cpu(), Djl.selectDevice("cpu"));
        Device auto = Djl.selectDevice("auto");
        assertEquals(Djl.gpuCount() > 0, auto.isGpu());
        if (Djl.gpuCount() == 0) {
            try {
                Djl.selectDevice("gpu");
                fail("gpu without a GPU must fail");
            } catch (IllegalStateException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("no GPU"));
            }
        }
    }

    @Test
    public void detectsNonFiniteValues() {
        try (NDManager m = Djl.call(() -> NDManager.newBaseManager(Device.cpu()))) {
            NDArray ok = m.create(new float[] {1, 2, 3});
            assertTrue(Djl.isFinite(ok));
            assertSame(ok, Djl.requireFinite(ok, "ok"));
            NDArray bad = m.create(new float[] {1, Float.NaN, Float.POSITIVE_INFINITY, 4});
            assertFalse(Djl.isFinite(bad));
            assertEquals(2, Djl.countNonFinite(bad));
            try {
                Djl.requireFinite(bad, "the loss");
                fail();
            } catch (NonFiniteValueException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith("the loss contains 2 non-finite"));
            }
        }
    }

    @Test
    public void noGradSwitchesAutogradOffOnWorkerThreadsAndRestoresIt() throws Exception {
        Djl.engine();
        boolean[] seen = new boolean[3];
        Thread worker = new Thread(() -> {
            // PyTorch's grad mode is per thread and on by default on threads DJL did not start on
            seen[0] = ai.djl.pytorch.jni.JniUtils.isGradMode();
            seen[1] = Djl.noGrad(ai.djl.pytorch.jni.JniUtils::isGradMode);
            seen[2] = ai.djl.pytorch.jni.JniUtils.isGradMode();
        });
        worker.start();
        worker.join();
        assertTrue(seen[0]);
        assertFalse(seen[1]);
        assertTrue(seen[2]);
    }

    @Test
    public void ownedTensorsSurviveClosingTheirJavaObject() {
        try (NDManager m = Djl.call(() -> NDManager.newBaseManager(Device.cpu()))) {
            float[] data = new float[4096];
            java.util.Arrays.fill(data, 3f);
            NDArray base = Djl.owned(m, data, new ai.djl.ndarray.types.Shape(64, 64));
            NDArray view = base.reshape(4096);
            base.close();
            for (int round = 0; round < 3; round++) {
                System.gc();
                for (int i = 0; i < 100; i++) {
                    java.nio.ByteBuffer.allocateDirect(16384).putFloat(0, Float.NaN);
                }
            }
            assertEquals(3f * 4096, view.sum().getFloat(), 0f);
            NDArray four = Djl.scalarLike(view, 4f);
            assertEquals(0, four.getShape().dimension());
            assertEquals(4f, four.getFloat(), 0f);
        }
    }

    @Test
    public void seedingMakesEngineRandomnessRepeatable() {
        try (NDManager m = Djl.call(() -> NDManager.newBaseManager(Device.cpu()))) {
            Djl.seed(7);
            float[] a = m.randomNormal(new ai.djl.ndarray.types.Shape(5)).toFloatArray();
            Djl.seed(7);
            float[] b = m.randomNormal(new ai.djl.ndarray.types.Shape(5)).toFloatArray();
            org.junit.Assert.assertArrayEquals(a, b, 0f);
        }
        assertTrue(Djl.intraOpThreads() != 0);
    }
}
