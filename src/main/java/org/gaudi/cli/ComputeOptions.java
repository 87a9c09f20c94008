package org.gaudi.cli;

import org.gaudi.core.djl.Djl;
import picocli.CommandLine.Option;

/** {@code --device} and {@code --threads}, shared by the commands that run a network. */
final class ComputeOptions {

    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu",
            description = "Where to compute: auto (a GPU when DJL sees one, else the CPU), cpu or gpu"
                    + " (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--threads", paramLabel = "N",
            description = "CPU threads: the batch is cut into this many chunks that run in parallel, and PyTorch"
                    + " uses this many intra-op threads for unsplit work (default: the core count, or"
                    + " -Dgaudi.threads).")
    Integer threads;

    /** Parses the device setting (clear error for anything else than auto, cpu, gpu). */
    Djl.DeviceSetting deviceSetting() {
        return Djl.DeviceSetting.parse(device);
    }

    /** Applies --threads; must run before the first DJL call of the process. */
    void applyThreads() {
        if (threads != null) {
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
            }
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            org.gaudi.core.djl.BatchParallel.setThreads(threads);
        }
    }
}
