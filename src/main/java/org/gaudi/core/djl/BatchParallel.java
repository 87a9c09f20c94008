package org.gaudi.core.djl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Data parallelism over the batch axis: a batch is cut into one contiguous chunk per thread, and each chunk runs its
 * PyTorch ops on its own Java thread with one intra-op thread.
 *
 * <p>Why not PyTorch's intra-op threads: measured on the 2-core machine at GaUDI's size, the EGNN issues thousands
 * of ops per step, most of them element-wise on a few MB. With OpenMP each op forks and joins a thread team, the
 * Java side (op dispatch, JNI, array bookkeeping) stays on one core, and small tensors stay serial: CPU/wall stayed
 * at 1.6 on a quiet machine. Worse, libgomp's default wait policy spins at every join: with the cores shared with
 * other work a guided step burnt 4.5× the CPU of a single-threaded one (5.9 s against 1.3 s). Samples of a batch do
 * not interact in the networks, so chunks need no communication and give the same per-sample results; each chunk
 * thread runs serial kernels, never spins, and the Java-side work is split as well.
 *
 * <p>The thread count is process-wide ({@link #setThreads}); default: the system property {@code gaudi.threads},
 * else {@code ai.djl.pytorch.num_threads}, else the number of cores. Calls nested inside a chunk run serially.
 */
public final class BatchParallel {
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "gaudi-batch-" + THREAD_IDS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);
    private static volatile int threads = defaultThreads();

    private BatchParallel() {
    }

    /** The thread-count setting. */
    public static int threads() {
        return threads;
    }

    /** Sets the process-wide thread count (≥ 1) for batch-parallel work. */
    public static void setThreads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("thread count must be >= 1, got " + count);
        }
        threads = count;
    }

    private static int defaultThreads() {
        for (String key : new String[] {"gaudi.threads", "ai.djl.pytorch.num_threads"}) {
            String v = System.getProperty(key);
            if (v != null) {
                try {
                    int n = Integer.parseInt(v.trim());
                    if (n >= 1) {
                        return n;
                    }
                } catch (NumberFormatException e) {
                    // fall through to the next source
                }
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Chunk boundaries for a batch of {@code batch} rows: {@code bounds[c]} to {@code bounds[c + 1]} is chunk c. One
     * chunk (no split) when the setting is 1, the batch has one row, or the call is nested inside a chunk.
     */
    public static long[] bounds(long batch) {
        int chunks = INSIDE.get() ? 1 : (int) Math.max(1, Math.min(threads, batch));
        long[] b = new long[chunks + 1];
        for (int c = 0; c <= chunks; c++) {
            b[c] = batch * c / chunks;
        }
        return b;
    }

    /**
     * Rows {@code bounds[chunk]} to {@code bounds[chunk + 1]} of {@code a} along axis 0, owned by {@code manager}; an
     * array with a single row (a value shared by the batch) is returned whole.
     */
    public static NDArray rows(NDArray a, long[] bounds, int chunk, NDManager manager) {
        NDArray r = a.getShape().get(0) == 1 && bounds[bounds.length - 1] > 1 ? a.duplicate()
                : a.get(new NDIndex(bounds[chunk] + ":" + bounds[chunk + 1]));
        r.attach(manager);
        return r;
    }

    /**
     * Runs {@code body} for chunks 0..chunks−1, chunk 0 on the calling thread and the others on pool threads, and
     * returns the results in chunk order. Every chunk runs with the plugin's context class loader, one PyTorch
     * intra-op thread and the caller's grad mode; the caller's intra-op setting is restored afterwards. The first
     * failure is rethrown after all chunks have finished.
     */
    public static <T> List<T> run(int chunks, IntFunction<T> body) {
        if (chunks == 1) {
            return List.of(body.apply(0));
        }
        boolean gradMode = JniUtils.isGradMode();
        List<Future<T>> futures = new ArrayList<>();
        for (int c = 1; c < chunks; c++) {
            int chunk = c;
            futures.add(POOL.submit(() -> inChunk(gradMode, () -> body.apply(chunk))));
        }
        List<T> out = new ArrayList<>(chunks);
        Throwable failure = null;
        try {
            out.add(inChunk(gradMode, () -> body.apply(0)));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (Future<T> f : futures) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                failure = failure != null ? failure : e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new IllegalStateException("interrupted", e);
            }
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return out;
    }

    private static <T> T inChunk(boolean gradMode, Djl.Body<T, RuntimeException> body) {
        return Djl.call(() -> {
            boolean nested = INSIDE.get();
            int intraOp = JniUtils.getNumThreads();
            boolean previousGrad = JniUtils.isGradMode();
            INSIDE.set(true);
            JniUtils.setNumThreads(1);
            JniUtils.setGradMode(gradMode);
            try {
                return body.call();
            } finally {
                JniUtils.setGradMode(previousGrad);
                JniUtils.setNumThreads(intraOp);
                INSIDE.set(nested);
            }
        });
    }
}
