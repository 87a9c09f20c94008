package org.gaudi.core.xtb;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one xtb run reports: the HOMO–LUMO gap and total energy of its final summary block (the optimised geometry
 * after {@code --opt}).
 *
 * @param gapEv         HOMO–LUMO gap, eV
 * @param totalEnergyEh total energy, Hartree
 */
public record XtbOutput(double gapEv, double totalEnergyEh) {
    // The final summary box: "| TOTAL ENERGY   -15.87964 Eh   |" and "| HOMO-LUMO GAP   4.93433 eV   |".
    private static final Pattern GAP = Pattern.compile("^\\s*\\|\\s*HOMO-LUMO GAP\\s+(\\S+)\\s+eV\\s*\\|\\s*$");
    private static final Pattern ENERGY = Pattern.compile("^\\s*\\|\\s*TOTAL ENERGY\\s+(\\S+)\\s+Eh\\s*\\|\\s*$");
    static final String CONVERGED = "GEOMETRY OPTIMIZATION CONVERGED";
    static final String NOT_CONVERGED = "FAILED TO CONVERGE GEOMETRY OPTIMIZATION";

    /**
     * Reads xtb's standard output.
     *
     * @param optimised whether {@code --opt} was asked for; then the optimisation must have converged
     * @throws XtbOutputException naming the line (1-based) or what is missing
     */
    public static XtbOutput parse(String stdout, boolean optimised) throws XtbOutputException {
        String[] lines = stdout.split("\\R", -1);
        Double gap = null;
        Double energy = null;
        boolean converged = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.contains(NOT_CONVERGED)) {
                throw new XtbOutputException("line " + (i + 1) + ": the geometry optimisation did not converge");
            }
            converged |= line.contains(CONVERGED);
            Matcher g = GAP.matcher(line);
            if (g.matches()) {
                gap = number(g.group(1), i + 1, "HOMO-LUMO gap");
            }
            Matcher e = ENERGY.matcher(line);
            if (e.matches()) {
                energy = number(e.group(1), i + 1, "total energy");
            }
        }
        if (gap == null || energy == null) {
            throw new XtbOutputException("no final '| HOMO-LUMO GAP ... eV |' and '| TOTAL ENERGY ... Eh |' summary"
                    + " in xtb's output (" + lines.length + " lines)");
        }
        if (optimised && !converged) {
            throw new XtbOutputException("xtb's output does not say '" + CONVERGED + "'");
        }
        return new XtbOutput(gap, energy);
    }

    private static double number(String text, int line, String what) throws XtbOutputException {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException ex) {
            throw new XtbOutputException("line " + line + ": " + what + " '" + text + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new XtbOutputException("line " + line + ": " + what + " is " + text);
        }
        return v;
    }
}
