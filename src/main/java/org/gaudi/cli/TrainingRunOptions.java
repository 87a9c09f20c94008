package org.gaudi.cli;

import picocli.CommandLine.Option;

/** {@code --checkpoint-every}, {@code --no-training-state} and {@code --progress}, shared by the training commands. */
final class TrainingRunOptions {

    @Option(names = "--checkpoint-every", defaultValue = "0", paramLabel = "N",
            description = "Also write --out (best weights so far, resumable) every N epochs; 0 = only at the end"
                    + " (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--no-training-state", negatable = false,
            description = "Leave the optimiser state out of the file: smaller, but cannot be resumed.")
    boolean noTrainingState;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|bar|lines|none",
            description = "Progress display: a bar on a terminal, one line per epoch otherwise (default:"
                    + " ${DEFAULT-VALUE}).")
    String progress;

    /** The parsed --progress (clear error for anything else). */
    ConsoleProgress.Mode progressMode() {
        return ConsoleProgress.Mode.parse(progress);
    }

    /** What a failed or cancelled run left behind at {@code out}. */
    String leftBehind(Object out) {
        return checkpointEvery > 0 ? "the last checkpoint (if any) is in " + out : "no model written";
    }
}
