package org.gaudi.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (SIGINT) handling of a long command: the shutdown hook only asks the run to stop ({@link #cancelled()}, polled
 * by the run at its next step) and then holds the JVM open until the command has cleaned up (written a checkpoint,
 * removed partial files, printed why it stopped) or the grace time has passed; the JVM then exits with 130.
 * <p>
 * Close it in the {@code finally} after the command's {@code catch} blocks, not as a resource of that same
 * {@code try}: Java closes resources before the catch blocks run, and closing releases the hook, so the JVM could
 * exit before the cancellation message and the cleanup.
 */
public final class InterruptGuard implements AutoCloseable {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private InterruptGuard(String command, long graceSeconds) {
        hook = new Thread(() -> {
            cancelled.set(true);
            try {
                finished.await(graceSeconds, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, command + "-cancel");
    }

    /**
     * Installs the hook.
     *
     * @param command      names the hook thread
     * @param graceSeconds how long a Ctrl-C waits for the command to clean up (0: not at all)
     */
    public static InterruptGuard install(String command, long graceSeconds) {
        InterruptGuard g = new InterruptGuard(command, graceSeconds);
        Runtime.getRuntime().addShutdownHook(g.hook);
        return g;
    }

    /** Whether Ctrl-C was pressed; pass {@code guard::cancelled} as the run's cancellation check. */
    public boolean cancelled() {
        return cancelled.get();
    }

    /** The command is done: lets a pending Ctrl-C exit and removes the hook. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down (Ctrl-C): the hook is running and has been released above
        }
    }
}
