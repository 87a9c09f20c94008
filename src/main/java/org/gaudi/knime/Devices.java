package org.gaudi.knime;

import java.util.List;

import org.gaudi.core.djl.Djl;
import org.knime.core.node.InvalidSettingsException;

/**
 * The device setting shared by the nodes that compute with DJL: {@code auto} (a GPU when PyTorch sees one, else the
 * CPU), {@code cpu} or {@code gpu}. Stored as this text so flow variables can set it.
 */
public final class Devices {

    /** The choices, as the setting stores them; the first is the default. */
    public static final List<String> CHOICES = List.of("auto", "cpu", "gpu");

    private Devices() {
    }

    /**
     * The device setting, checked.
     *
     * @param key the setting's config key, named in the message
     * @throws InvalidSettingsException naming the setting and the accepted values
     */
    public static Djl.DeviceSetting parse(final String device, final String key) throws InvalidSettingsException {
        if (device == null || !CHOICES.contains(device)) {
            throw new InvalidSettingsException("Unknown device \"" + device + "\" in setting '" + key
                    + "'; expected one of: " + String.join(", ", CHOICES) + ".");
        }
        return Djl.DeviceSetting.parse(device);
    }
}
