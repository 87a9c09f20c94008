package org.gaudi.core.objective;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The functions an objective may call. Names are matched ignoring case and printed in lower case. */
public enum Function {
    /** Absolute value; its gradient at exactly 0 is taken as 0 (the subgradient PyTorch uses). */
    ABS(1, 1),
    /** Smallest of two or more arguments. */
    MIN(2, Integer.MAX_VALUE),
    /** Largest of two or more arguments. */
    MAX(2, Integer.MAX_VALUE),
    /** Square root; defined for arguments ≥ 0 (see {@link Objective} for the batched domain policy). */
    SQRT(1, 1),
    /** Exponential. */
    EXP(1, 1),
    /** Natural logarithm; defined for arguments &gt; 0. */
    LOG(1, 1);

    private final int minArgs;
    private final int maxArgs;

    Function(int minArgs, int maxArgs) {
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
    }

    /** @return the name used in objective texts */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the least number of arguments */
    public int minArgs() {
        return minArgs;
    }

    /** @return the largest number of arguments ({@link Integer#MAX_VALUE} for "any") */
    public int maxArgs() {
        return maxArgs;
    }

    /** @return a phrase such as "exactly 1 argument" or "at least 2 arguments" */
    String arityText() {
        if (minArgs == maxArgs) {
            return "exactly " + minArgs + (minArgs == 1 ? " argument" : " arguments");
        }
        return "at least " + minArgs + " arguments";
    }

    /** @return the function of that name (ignoring case), or {@code null} */
    static Function byName(String name) {
        for (Function f : values()) {
            if (f.text().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    /** @return "abs, min, max, sqrt, exp, log" */
    static String validNames() {
        return Arrays.stream(values()).map(Function::text).collect(Collectors.joining(", "));
    }
}
