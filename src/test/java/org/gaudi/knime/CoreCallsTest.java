package org.gaudi.knime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.CancellationException;
import java.util.function.IntConsumer;

import org.junit.Test;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.DefaultNodeProgressMonitor;
import org.knime.core.node.ExecutionMonitor;

/** Core calls run under the plugin's class loader and cancellation reaches core loops and comes back as KNIME's. */
public class CoreCallsTest {

    @Test
    public void contextClassLoaderIsThePluginsDuringTheCallAndRestoredAfter() throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader original = t.getContextClassLoader();
        ClassLoader foreign = new URLClassLoader(new URL[0], null);
        t.setContextClassLoader(foreign);
        try {
            ClassLoader inside = CoreCalls.call(() -> Thread.currentThread().getContextClassLoader());
            assertSame("the core library's loader (sees DJL, JNA and the natives inside OSGi)",
                    org.gaudi.core.djl.Djl.class.getClassLoader(), inside);
            assertSame(foreign, t.getContextClassLoader());
            try {
                CoreCalls.run(() -> {
                    throw new IllegalStateException("boom");
                });
                fail();
            } catch (IllegalStateException e) {
                assertEquals("boom", e.getMessage());
            }
            assertSame("restored after a failure", foreign, t.getContextClassLoader());
        } finally {
            t.setContextClassLoader(original);
        }
    }

    @Test
    public void failureAfterCancelIsReportedAsCancellation() throws Exception {
        DefaultNodeProgressMonitor mon = new DefaultNodeProgressMonitor();
        ExecutionMonitor exec = new ExecutionMonitor(mon);
        ExecutionProgress progress = new ExecutionProgress(exec);
        IntConsumer sink = progress.countSink(10, "molecules");
        sink.accept(3);
        assertEquals(0.3, mon.getProgress(), 1e-12);
        assertEquals("3 of 10 molecules", mon.getMessage());
        mon.setExecuteCanceled();
        assertTrue(progress.isCancelled());
        try {
            CoreCalls.call(exec, () -> {
                sink.accept(4); // a core loop reporting progress after the user cancelled
                return "never";
            });
            fail("cancelled call completed");
        } catch (CanceledExecutionException e) {
            assertEquals(CancellationException.class, e.getSuppressed()[0].getClass());
        }
    }

    @Test
    public void failureWithoutCancelIsPassedOn() {
        ExecutionMonitor exec = new ExecutionMonitor();
        try {
            CoreCalls.call(exec, () -> {
                throw new IllegalArgumentException("bad input in line 3");
            });
            fail();
        } catch (Exception e) {
            assertEquals(IllegalArgumentException.class, e.getClass());
            assertEquals("bad input in line 3", e.getMessage());
        }
    }

    @Test
    public void progressIsClampedAndSubProgressAddsUp() {
        DefaultNodeProgressMonitor mon = new DefaultNodeProgressMonitor();
        ExecutionProgress p = new ExecutionProgress(new ExecutionMonitor(mon));
        p.progress(1.7);
        assertEquals(1.0, mon.getProgress(), 0);
        p.progress(-1, "start");
        assertEquals(0.0, mon.getProgress(), 0);
        assertEquals("start", mon.getMessage());
        p.progress(Double.NaN, "still here");
        assertEquals(0.0, mon.getProgress(), 0);
        ExecutionProgress first = p.subProgress(0.25);
        first.progress(1.0);
        ExecutionProgress second = p.subProgress(0.75);
        second.progress(0.5);
        assertEquals(0.25 + 0.375, mon.getProgress(), 1e-12);
        assertFalse(p.isCancelled());
        assertFalse(p.cancelCheck().getAsBoolean());
    }
}
