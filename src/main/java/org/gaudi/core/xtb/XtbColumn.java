package org.gaudi.core.xtb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * GFN2-xTB gaps of a design run's valid molecules (from each row's SD record: explicit H, the decoder's 3-D
 * conformer, optimised by xtb), by design id, with the tally. Invalid molecules get no entry (nothing to compute).
 */
public final class XtbColumn {
    /** Column and SD field names of the gap and of the reason a valid molecule has none. */
    public static final String GAP = "xtb_gap_eV";
    public static final String ERROR = "xtb_error";

    private final Map<String, XtbOutcome> byId;
    private final XtbTally tally;

    XtbColumn(Map<String, XtbOutcome> byId, XtbTally tally) {
        this.byId = byId;
        this.tally = tally;
    }

    /**
     * Runs xtb on every molecule given.
     *
     * @param sdfById the SD record of every valid design by design id, in table order (see
     *                {@code DesignResult#sdfById})
     * @throws XtbCancelledException when cancelled
     */
    public static XtbColumn compute(Map<String, String> sdfById, XtbRunner runner, XtbProgress progress,
            BooleanSupplier cancelled) {
        List<String> ids = new ArrayList<>();
        List<Supplier<XtbGeometry>> input = new ArrayList<>();
        for (Map.Entry<String, String> e : sdfById.entrySet()) {
            ids.add(e.getKey());
            input.add(() -> XtbGeometry.fromSdf(e.getValue()));
        }
        XtbBatch.Result r = new XtbBatch(runner).run(input, progress, cancelled);
        Map<String, XtbOutcome> byId = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byId.put(ids.get(i), r.outcomes().get(i));
        }
        return new XtbColumn(byId, r.tally());
    }

    /** The outcome of a design, or null when it was not run (invalid). */
    public XtbOutcome outcome(String designId) {
        return byId.get(designId);
    }

    /** The gap of a design in eV, or null (invalid, or xtb failed: see {@link #error}). */
    public Double gapEv(String designId) {
        XtbOutcome o = byId.get(designId);
        return o == null ? null : o.gapEv();
    }

    /** Why a valid design has no gap ("timeout: ..."), or null. */
    public String error(String designId) {
        XtbOutcome o = byId.get(designId);
        return o == null ? null : o.error();
    }

    public XtbTally tally() {
        return tally;
    }

    /** An SD record with the gap (or the error) added as a data field before its {@code $$$$}. */
    public String withField(String designId, String sdf) {
        XtbOutcome o = byId.get(designId);
        if (o == null || sdf == null) {
            return sdf;
        }
        String field = o.ok() ? "> <" + GAP + ">\n" + String.format(Locale.ROOT, "%.4f", o.gapEv()) + "\n\n"
                : "> <" + ERROR + ">\n" + o.error().replace('\n', ' ') + "\n\n";
        int end = sdf.lastIndexOf("$$$$");
        if (end < 0) {
            throw new IllegalArgumentException("SD record of " + designId + " has no $$$$ terminator");
        }
        return sdf.substring(0, end) + field + sdf.substring(end);
    }
}
