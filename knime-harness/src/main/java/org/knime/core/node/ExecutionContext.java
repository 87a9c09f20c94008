package org.knime.core.node;

import org.knime.core.data.DataTableSpec;

// Mirrors org.knime.core.node.ExecutionContext, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/**
 * Harness stand-in: an {@link ExecutionMonitor} that creates
 * in-memory {@link BufferedDataContainer}s. Instances come from the test support (NodeDriver); KNIME
 * itself creates them in the real framework.
 */
public class ExecutionContext extends ExecutionMonitor {

    ExecutionContext(final NodeProgressMonitor progMon) {
        super(progMon);
    }

    public BufferedDataContainer createDataContainer(final DataTableSpec spec) {
        return new BufferedDataContainer(spec);
    }

    public ExecutionContext createSubExecutionContext(final double maxProg) {
        return new ExecutionContext(new SubProgress(getProgressMonitor(), maxProg, true));
    }

    public ExecutionContext createSilentSubExecutionContext(final double maxProg) {
        return new ExecutionContext(new SubProgress(getProgressMonitor(), maxProg, false));
    }
}
