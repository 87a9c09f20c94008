package org.gaudi.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gaudi.core.clm.SmilesCorpus;
import org.gaudi.core.data.Dataset;
import org.gaudi.core.data.MoleculeRecord;

/** The molecules of a dataset as language-model training text, and what to record about them. */
final class ClmSources {
    private ClmSources() {
    }

    static List<SmilesCorpus.Source> of(Dataset d) {
        List<SmilesCorpus.Source> out = new ArrayList<>(d.size());
        for (MoleculeRecord r : d.records()) {
            out.add(new SmilesCorpus.Source(r.id(), r.smiles()));
        }
        return out;
    }

    /** Source, counts, ring range and the hold-out that made {@code d} (what the benchmark needs to rebuild it). */
    static Map<String, Object> summary(Dataset d, int minRings, int maxRings, DataSourceOptions options) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", d.source());
        m.put("molecules", d.size());
        m.put("rejected", d.rejections().size());
        m.put("minRings", minRings);
        m.put("maxRings", maxRings);
        m.put("data", options.data);
        if (options.holdOutTop != null) {
            m.put("holdOutTop", options.holdOutTop);
            m.put("holdOutProperty", options.holdOutProperty);
        }
        return m;
    }
}
