package org.gaudi.core.objective;

import java.util.Locale;

/** Whether an objective is to be minimised or maximised. The guided sampler always minimises its loss. */
public enum Direction {
    /** Lower objective values are better; the loss is the value. */
    MINIMIZE,
    /** Higher objective values are better; the loss is the negated value. */
    MAXIMIZE;

    /** @return the keyword used in objective texts ({@code minimize} or {@code maximize}) */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return +1 for minimise, -1 for maximise: loss = sign × value */
    public double lossSign() {
        return this == MINIMIZE ? 1.0 : -1.0;
    }

    /** @return the direction for a keyword, ignoring case, or {@code null} if it is not one */
    static Direction fromKeyword(String word) {
        for (Direction d : values()) {
            if (d.keyword().equalsIgnoreCase(word)) {
                return d;
            }
        }
        return null;
    }
}
