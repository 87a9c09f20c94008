package org.gaudi.core.xtb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs xtb on a list of molecules one after the other (each process uses {@link XtbSettings#threads()}), reporting
 * progress after each and counting every outcome. Inputs that cannot be made into a geometry are counted as
 * {@link XtbOutcome.Status#BAD_INPUT}, not skipped.
 */
public final class XtbBatch {
    private final XtbRunner runner;

    public XtbBatch(XtbRunner runner) {
        this.runner = runner;
    }

    /** The outcomes, in input order, and their tally. */
    public record Result(List<XtbOutcome> outcomes, XtbTally tally) {
    }

    /**
     * @param geometries one supplier per molecule (may throw IllegalArgumentException for bad input)
     * @throws XtbCancelledException when cancelled
     */
    public Result run(List<Supplier<XtbGeometry>> geometries, XtbProgress progress, BooleanSupplier cancelled) {
        List<XtbOutcome> out = new ArrayList<>(geometries.size());
        XtbTally tally = new XtbTally();
        int total = geometries.size();
        progress.update(0, total, "xtb: starting");
        for (Supplier<XtbGeometry> s : geometries) {
            if (cancelled.getAsBoolean()) {
                throw new XtbCancelledException("xtb cancelled after " + out.size() + " of " + total + " molecules");
            }
            XtbOutcome o;
            try {
                o = runner.run(s.get(), cancelled);
            } catch (IllegalArgumentException e) {
                o = XtbOutcome.failed(XtbOutcome.Status.BAD_INPUT, e.getMessage(), 0);
            }
            out.add(o);
            tally.add(o);
            progress.update(out.size(), total, String.format(Locale.ROOT, "xtb %d/%d (%s; %.0f s)", out.size(),
                    total, tally, tally.seconds()));
        }
        return new Result(out, tally);
    }
}
