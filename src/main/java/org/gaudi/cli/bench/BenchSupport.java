package org.gaudi.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Locale;

/** Clocks and memory figures shared by the benches: process CPU time, resident and peak resident memory. */
final class BenchSupport {
    private BenchSupport() {
    }

    /** CPU time of all threads of this process in nanoseconds (0 where the JVM does not say). */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    /** Peak resident set size (VmHWM) in kB; 0 where /proc is unavailable. */
    static long peakRssKb() {
        return procStatusKb("VmHWM:");
    }

    /** Current resident set size (VmRSS) in kB: Java heap plus native (PyTorch) memory; 0 without /proc. */
    static long rssKb() {
        return procStatusKb("VmRSS:");
    }

    private static long procStatusKb(String key) {
        try {
            for (String l : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (l.startsWith(key)) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /**
     * Minor page faults and system CPU time of this process from /proc/self/stat: {minflt, stime in clock ticks};
     * zeros where /proc is unavailable. Page faults count fresh native buffers the kernel had to map and zero.
     */
    static long[] faultsAndSystemTicks() {
        try {
            String stat = Files.readString(Paths.get("/proc/self/stat"));
            // fields after the command name (which may contain blanks) start at field 3, the state
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return new long[] {Long.parseLong(f[7]), Long.parseLong(f[12])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** Milliseconds per clock tick of /proc/self/stat times (USER_HZ, 100 on Linux). */
    static final double MS_PER_TICK = 10.0;

    /** The 1-minute load average, or "n/a" (recorded next to timings: the machine may be shared). */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : "n/a";
    }
}
