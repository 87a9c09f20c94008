package org.gaudi.core.predictor;

import java.util.Objects;

/**
 * One predicted property: its column name in the dataset and its physical unit (for reports; may be empty).
 *
 * @param name dataset column, e.g. {@code GAP_eV}
 * @param unit physical unit, e.g. {@code eV}
 */
public record PredictorTarget(String name, String unit) {
    public PredictorTarget {
        Objects.requireNonNull(name, "name");
        unit = unit == null ? "" : unit;
        if (name.isBlank()) {
            throw new IllegalArgumentException("target name must not be blank");
        }
    }

    /**
     * A target whose unit is read off the column name where it says so: {@code HOMO_eV} → eV, {@code Dipmom_Debye}
     * → Debye, {@code HOMO-LUMO gap/eV} → eV, {@code ionization e/V} → eV, {@code ... in kcal/mol} → kcal/mol; otherwise no unit.
     */
    public static PredictorTarget fromColumn(String name) {
        String unit = "";
        int us = name.lastIndexOf('_');
        int sl = name.lastIndexOf('/');
        int in = name.lastIndexOf(" in ");
        if (name.endsWith(" e/V") || name.endsWith(" eV")) {
            unit = "eV"; // the PASs columns write "e/V" for eV
        } else if (in >= 0) {
            unit = name.substring(in + 4).trim();
        } else if (sl >= 0 && sl < name.length() - 1 && name.substring(sl + 1).matches("[A-Za-z]+")) {
            unit = name.substring(sl + 1).trim();
        } else if (us >= 0 && name.substring(us + 1).matches("eV|Debye|kcal|au|Hartree")) {
            unit = name.substring(us + 1);
        }
        return new PredictorTarget(name, unit);
    }

    /** "name [unit]" or just the name. */
    public String label() {
        return unit.isEmpty() ? name : name + " [" + unit + "]";
    }
}
