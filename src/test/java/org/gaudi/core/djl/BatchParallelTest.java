package org.gaudi.core.djl;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;

import java.util.List;

import org.junit.After;
import org.junit.Test;

public class BatchParallelTest {
    private final int before = BatchParallel.threads();

    @After
    public void restore() {
        BatchParallel.setThreads(before);
    }

    @Test
    public void boundsCoverTheBatchInContiguousNearlyEqualChunks() {
        BatchParallel.setThreads(3);
        assertArrayEquals(new long[] {0, 21, 42, 64}, BatchParallel.bounds(64));
        assertArrayEquals(new long[] {0, 1, 2}, BatchParallel.bounds(2));
        BatchParallel.setThreads(1);
        assertArrayEquals(new long[] {0, 64}, BatchParallel.bounds(64));
        assertThrows(IllegalArgumentException.class, () -> BatchParallel.setThreads(0));
    }

    @Test
    public void chunksRunOnSeparateThreadsWithOneIntraOpThreadAndNestedCallsStaySerial() {
        BatchParallel.setThreads(2);
        String caller = Thread.currentThread().getName();
        int callerIntraOp = Djl.intraOpThreads();
        List<String> names = BatchParallel.run(2, c -> {
            assertEquals(1, Djl.intraOpThreads());
            assertEquals("nested call splits nothing", 2, BatchParallel.bounds(10).length);
            return Thread.currentThread().getName();
        });
        assertEquals(caller, names.get(0));
        assertNotEquals(caller, names.get(1));
        assertEquals("the caller's setting is restored", callerIntraOp, Djl.intraOpThreads());
        assertEquals(3, BatchParallel.bounds(10).length);
    }

    @Test
    public void aFailingChunkFailsTheCallAfterAllChunksFinished() {
        BatchParallel.setThreads(3);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BatchParallel.run(3, c -> {
            if (c == 2) {
                throw new IllegalStateException("chunk 2 failed");
            }
            return c;
        }));
        assertEquals("chunk 2 failed", e.getMessage());
        assertEquals(List.of(0, 1, 2), BatchParallel.run(3, c -> c));
    }
}
