package org.knime.core.node.defaultnodesettings;

// Mirrors org.knime.core.node.defaultnodesettings.SettingsModelNumber, KNIME 5.5.0 (knime-core
// analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in: a numeric settings model; the dialog's spinner reads and writes it as text. */
public abstract class SettingsModelNumber extends SettingsModel {

    abstract String getNumberValueStr();

    abstract void setNumberValueStr(String newValueStr);
}
