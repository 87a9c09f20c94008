package org.gaudi.cli.bench;

import org.gaudi.core.djl.Djl;
import org.gaudi.core.objective.ObjectiveSyntaxException;

import ai.djl.Device;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Model sizes, batch and device of the random-weights guided step ({@link GuidedStepRun}); GaUDI's by default. */
final class GuidedStepOptions {
    @Option(names = "--batch", defaultValue = "64", description = "Molecules per batch (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--rings", defaultValue = "11", description = "Rings per graph (default ${DEFAULT-VALUE}).")
    int rings;

    @Option(names = "--edm-layers", defaultValue = "9", description = "EDM blocks (default ${DEFAULT-VALUE}).")
    int edmLayers;

    @Option(names = "--edm-hidden", defaultValue = "192", description = "EDM width (default ${DEFAULT-VALUE}).")
    int edmHidden;

    @Option(names = "--predictor-layers", defaultValue = "12",
            description = "Predictor layers (default ${DEFAULT-VALUE}).")
    int predictorLayers;

    @Option(names = "--predictor-hidden", defaultValue = "196",
            description = "Predictor width (default ${DEFAULT-VALUE}).")
    int predictorHidden;

    @Option(names = "--targets", defaultValue = "5", description = "Predictor targets (default ${DEFAULT-VALUE}).")
    int targets;

    @Option(names = "--seed", defaultValue = "1", description = "Weights and noise seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--device", defaultValue = "cpu", description = "auto, cpu or gpu (default ${DEFAULT-VALUE}).")
    String device;

    void validate(CommandLine cmd) {
        if (batch < 1 || rings < 2 || edmLayers < 1 || edmHidden < 1 || predictorLayers < 1 || predictorHidden < 1
                || targets < 1) {
            throw new CommandLine.ParameterException(cmd, "sizes must be >= 1 and rings >= 2");
        }
        Djl.DeviceSetting.parse(device);
    }

    Device device() {
        return Djl.selectDevice(device);
    }

    GuidedStepRun open() throws ObjectiveSyntaxException {
        return new GuidedStepRun(device(), batch, rings, edmLayers, edmHidden, predictorLayers, predictorHidden,
                targets, seed);
    }
}
