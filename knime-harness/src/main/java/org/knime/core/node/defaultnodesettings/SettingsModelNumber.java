package org.knime.core.node.defaultnodesettings;

/** Harness stand-in for {@code org.knime.core.node.defaultnodesettings.SettingsModelNumber}. */
public abstract class SettingsModelNumber extends SettingsModel {
}
