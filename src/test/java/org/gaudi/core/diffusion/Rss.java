package org.gaudi.core.diffusion;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;

/**
 * Process memory probes for leak tests: resident set size from /proc, and the bytes in use on the native (glibc
 * malloc) heap, where libtorch's CPU allocator puts tensor storage. RSS also grows while the JVM first touches its
 * committed Java heap, so the native-heap figure is the one that shows tensor leaks.
 */
final class Rss {
    private Rss() {
    }

    /** VmRSS in kB, or 0 where /proc is unavailable. */
    static long kilobytes() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** glibc mallinfo2() (glibc ≥ 2.33). */
    public static class MallInfo2 extends Structure implements Structure.ByValue {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;

        @Override
        protected List<String> getFieldOrder() {
            return List.of("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
                    "fordblks", "keepcost");
        }
    }

    interface LibC extends Library {
        MallInfo2 mallinfo2();
    }

    private static LibC libc;
    private static boolean tried;

    /** {@link #nativeHeapInUse()} after a garbage collection (direct buffers behind DJL arrays are freed then). */
    static long nativeHeapAfterGc() {
        System.gc();
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.gc();
        return nativeHeapInUse();
    }

    /** Bytes in use on the malloc heap (small blocks plus mmapped large blocks), or -1 if unavailable. */
    static synchronized long nativeHeapInUse() {
        if (!tried) {
            tried = true;
            try {
                libc = Native.load("c", LibC.class);
                libc.mallinfo2();
            } catch (Throwable e) {
                libc = null;
            }
        }
        if (libc == null) {
            return -1;
        }
        MallInfo2 m = libc.mallinfo2();
        return m.uordblks + m.hblkhd;
    }
}
