package org.gaudi.core.djl;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes PyTorch's OpenMP threads sleep, not spin, while they wait: sets {@code OMP_WAIT_POLICY=PASSIVE} in the
 * process environment before the native libraries load.
 *
 * <p>Why: PyTorch's intra-op threads (training steps) meet at a barrier after every op, thousands of times per step.
 * libgomp's default spins up to 300,000 times at each barrier before it sleeps. When the cores are shared (other
 * KNIME nodes, other processes) a spinning thread burns the time slice that the thread it waits for needs: measured
 * on the 2-core machine under load 3–4, an EDM training step took 14.3 s of CPU and 17.2 s of wall time with the
 * default and 1.15 s of CPU and 2.2 s of wall time with PASSIVE. GaUDI's PyTorch reference was timed with PASSIVE
 * too. A JVM cannot change its own environment through Java, so the C library's {@code setenv} is called through JNA
 * (a DJL dependency); libgomp reads the variable once, when PyTorch is loaded (if another extension loaded it
 * earlier, this changes nothing). The call adds a variable and never overwrites one; glibc then copies the
 * environment into a new array and leaves the old one in place, so threads reading it meanwhile stay safe.
 *
 * <p>A user's own {@code OMP_WAIT_POLICY} or {@code GOMP_SPINCOUNT} is left as it is; {@code -Dgaudi.openmp.passive=false}
 * switches this off. Windows is left alone (PyTorch's Windows build does not use libgomp).
 */
public final class OpenMpWaitPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(OpenMpWaitPolicy.class);
    /** System property that switches the passive policy off ({@code false}). */
    public static final String PROPERTY = "gaudi.openmp.passive";

    private static volatile String outcome;

    private OpenMpWaitPolicy() {
    }

    /** The C library's environment call. */
    private interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    /**
     * Sets the passive policy once per process (idempotent, never throws); call it before the PyTorch engine is first
     * used. Returns what was done, for logs and benches.
     */
    public static synchronized String apply() {
        if (outcome == null) {
            outcome = decide();
            LOG.debug("OpenMP wait policy: {}", outcome);
        }
        return outcome;
    }

    private static String decide() {
        if ("false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").trim())) {
            return "left as is (" + PROPERTY + "=false)";
        }
        if (Platform.isWindows()) {
            return "left as is (Windows)";
        }
        try {
            CLibrary c = Native.load(Platform.C_LIBRARY_NAME, CLibrary.class);
            String policy = c.getenv("OMP_WAIT_POLICY");
            String spin = c.getenv("GOMP_SPINCOUNT");
            if (policy != null || spin != null) {
                return "set by the user (OMP_WAIT_POLICY=" + policy + ", GOMP_SPINCOUNT=" + spin + ")";
            }
            if (c.setenv("OMP_WAIT_POLICY", "PASSIVE", 0) != 0) {
                return "left as is (setenv failed)";
            }
            return "PASSIVE";
        } catch (LinkageError | RuntimeException e) {
            return "left as is (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
    }
}
