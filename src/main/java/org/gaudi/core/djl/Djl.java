package org.gaudi.core.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;

/**
 * Helpers that every DJL entry point of GaUDI uses.
 *
 * <ul>
 *   <li>{@link #call}/{@link #run}: run DJL code with the thread context class loader set to the plugin's class
 *       loader (DJL finds its engine and its native libraries through it; inside OSGi/KNIME a foreign worker thread
 *       otherwise fails with "Deep learning engine not found"). The previous loader is restored afterwards.</li>
 *   <li>{@link #selectDevice}: the {@code auto|cpu|gpu} device setting.</li>
 *   <li>{@link #seed}: seeds DJL's engine random generator.</li>
 *   <li>{@link #requireFinite}: fails loudly when a tensor holds NaN or Inf.</li>
 * </ul>
 */
public final class Djl {

    /** Which device to compute on. */
    public enum DeviceSetting {
        /** The first GPU when DJL sees one, else the CPU. */
        AUTO,
        /** Always the CPU. */
        CPU,
        /** The first GPU; an error when none is visible. */
        GPU;

        /**
         * Parses {@code auto}, {@code cpu} or {@code gpu} (case-insensitive, surrounding blanks ignored).
         *
         * @throws IllegalArgumentException naming the accepted values for anything else
         */
        public static DeviceSetting parse(String text) {
            if (text == null) {
                throw new IllegalArgumentException("device setting is missing; expected one of auto, cpu, gpu");
            }
            switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "auto":
                    return AUTO;
                case "cpu":
                    return CPU;
                case "gpu":
                case "cuda":
                    return GPU;
                default:
                    throw new IllegalArgumentException("unknown device setting '" + text
                            + "'; expected one of auto, cpu, gpu");
            }
        }
    }

    /** Body of a DJL entry point; may throw a checked exception of type {@code E}. */
    @FunctionalInterface
    public interface Body<T, E extends Exception> {
        T call() throws E;
    }

    /** Body without a result. */
    @FunctionalInterface
    public interface VoidBody<E extends Exception> {
        void run() throws E;
    }

    static {
        // before any PyTorch library loads: OpenMP threads must sleep, not spin, on a shared machine
        OpenMpWaitPolicy.apply();
    }

    private Djl() {
    }

    /**
     * Runs {@code body} with the thread context class loader set to this plugin's class loader and restores the
     * previous loader afterwards, whatever happens.
     */
    public static <T, E extends Exception> T call(Body<T, E> body) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Djl.class.getClassLoader());
        try {
            return body.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Like {@link #call} for a body without result. */
    public static <E extends Exception> void run(VoidBody<E> body) throws E {
        call(() -> {
            body.run();
            return null;
        });
    }

    /** The PyTorch engine, looked up under the plugin's class loader. */
    public static Engine engine() {
        return call(Engine::getInstance);
    }

    /** Number of GPUs DJL sees (0 on a CPU-only machine or without CUDA natives). */
    public static int gpuCount() {
        return call(() -> engine().getGpuCount());
    }

    /**
     * The device for a setting: {@code auto} gives GPU 0 when DJL sees a GPU, else the CPU; {@code gpu} without a
     * visible GPU is an error that says so.
     */
    public static Device selectDevice(DeviceSetting setting) {
        int gpus = gpuCount();
        switch (setting) {
            case CPU:
                return Device.cpu();
            case GPU:
                if (gpus == 0) {
                    throw new IllegalStateException("device 'gpu' was requested but DJL sees no GPU (engine "
                            + engine().getEngineName() + " " + engine().getVersion()
                            + "; the bundled PyTorch natives are CPU-only unless a CUDA libtorch is supplied "
                            + "via PYTORCH_LIBRARY_PATH, PYTORCH_VERSION and PYTORCH_FLAVOR=cu128)");
                }
                return Device.gpu(0);
            case AUTO:
            default:
                return gpus > 0 ? Device.gpu(0) : Device.cpu();
        }
    }

    /** Parses the setting text and selects the device; see {@link #selectDevice(DeviceSetting)}. */
    public static Device selectDevice(String setting) {
        return selectDevice(DeviceSetting.parse(setting));
    }

    /** A short human-readable description of a device for reports, e.g. "cpu" or "gpu(0)". */
    public static String describe(Device device) {
        return device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : "cpu";
    }

    /**
     * Seeds DJL's engine random generator (and PyTorch's). Our own samplers use Java generators seeded
     * explicitly; this covers DJL initialisers and any engine-side randomness.
     */
    public static void seed(long seed) {
        int folded = (int) (seed ^ (seed >>> 32));
        run(() -> engine().setRandomSeed(folded));
    }

    /** PyTorch's intra-op thread count, or -1 when the engine does not say. */
    public static int intraOpThreads() {
        return call(() -> {
            engine();
            try {
                return ai.djl.pytorch.jni.JniUtils.getNumThreads();
            } catch (LinkageError | RuntimeException e) {
                return -1;
            }
        });
    }

    /**
     * Sets PyTorch's intra-op thread count (torch.set_num_threads) and returns the previous one. OpenMP keeps the
     * count per thread, so this affects work issued from the calling thread (and later threads that start PyTorch
     * work without a count of their own take the process default).
     */
    public static int setIntraOpThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be >= 1, got " + threads);
        }
        return call(() -> {
            engine();
            int previous = ai.djl.pytorch.jni.JniUtils.getNumThreads();
            ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
            return previous;
        });
    }

    /**
     * Runs {@code body} with PyTorch autograd recording switched off on this thread (and the plugin's class loader
     * as context loader), restoring the previous mode afterwards. PyTorch's grad mode is per thread and DJL switches
     * it off only on the thread that started the engine, so inference on worker threads (KNIME) would otherwise
     * record graphs for parameters that require gradients. A {@code GradientCollector} opened inside still works.
     */
    public static <T, E extends Exception> T noGrad(Body<T, E> body) throws E {
        return call(() -> {
            engine();
            boolean previous = ai.djl.pytorch.jni.JniUtils.isGradMode();
            ai.djl.pytorch.jni.JniUtils.setGradMode(false);
            try {
                return body.call();
            } finally {
                ai.djl.pytorch.jni.JniUtils.setGradMode(previous);
            }
        });
    }

    /**
     * Back-propagates {@code gradient} (∂L/∂target, same shape) through the graph that produced {@code target},
     * accumulating into the gradients of the leaves that require them, on the calling thread. Unlike a DJL
     * {@code GradientCollector} this needs no JVM-wide collector, so chunks of one batch can run their backward
     * passes on their own threads (the caller must hold {@code ExclusiveGradientCollector} or otherwise own the
     * leaves).
     */
    public static void backward(NDArray target, NDArray gradient) {
        ai.djl.pytorch.jni.JniUtils.backward((ai.djl.pytorch.engine.PtNDArray) target,
                (ai.djl.pytorch.engine.PtNDArray) gradient, false, false);
    }

    /**
     * A float32 tensor with a copy of {@code data} in engine-owned memory.
     *
     * <p>Why: on the CPU, DJL's {@code manager.create(float[])} wraps a direct {@link java.nio.ByteBuffer} without
     * copying and drops its reference to that buffer on {@code close()}. Any native reference that outlives the Java
     * object (a view, or a tensor autograd saved for the backward pass) then points at memory the garbage collector
     * may free: gradients silently turn into garbage or NaN. A tensor from this method can be closed at any time.
     */
    public static NDArray owned(NDManager manager, float[] data, Shape shape) {
        try (NDArray wrapped = manager.create(data, shape)) {
            return wrapped.duplicate();
        }
    }

    /**
     * A scalar constant in engine-owned memory on {@code like}'s manager and device; use it instead of
     * {@code x.mul(4f)} in code that records gradients (DJL's {@code mul(Number)} closes a buffer-backed scalar that
     * autograd keeps; see {@link #owned}).
     */
    public static NDArray scalarLike(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, like.getDataType());
    }

    /** True when every element of {@code array} is finite (no NaN, no ±Inf). */
    public static boolean isFinite(NDArray array) {
        try (NDArray nan = array.isNaN(); NDArray inf = array.isInfinite();
             NDArray bad = nan.logicalOr(inf); NDArray any = bad.any()) {
            return !any.getBoolean();
        }
    }

    /** Number of non-finite elements of {@code array}. */
    public static long countNonFinite(NDArray array) {
        try (NDArray nan = array.isNaN(); NDArray inf = array.isInfinite();
             NDArray bad = nan.logicalOr(inf); NDArray count = bad.countNonzero()) {
            return count.getLong();
        }
    }

    /**
     * Throws {@link NonFiniteValueException} naming {@code what} when {@code array} holds NaN or Inf.
     *
     * @return the array, for chaining
     */
    public static NDArray requireFinite(NDArray array, String what) {
        if (!isFinite(array)) {
            throw new NonFiniteValueException(what + " contains " + countNonFinite(array)
                    + " non-finite value(s) (NaN or Inf) out of " + array.size() + " (shape " + array.getShape()
                    + ")");
        }
        return array;
    }
}
