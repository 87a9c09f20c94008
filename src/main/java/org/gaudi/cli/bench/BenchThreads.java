package org.gaudi.cli.bench;

/** The --threads option of the benches. */
final class BenchThreads {
    private BenchThreads() {
    }

    /** Sets the thread count the engine starts with (a no-op once it runs; then use Djl.setIntraOpThreads). */
    static void applyBeforeStart(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    }
}
