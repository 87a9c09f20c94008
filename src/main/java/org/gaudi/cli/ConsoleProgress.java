package org.gaudi.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long command on the console: a me.tongfei progress bar (done/total, rate, ETA, a message) when
 * {@code bar} is set, or a plain line every {@code lineEvery} fraction of the work (for logs and pipes).
 */
final class ConsoleProgress implements AutoCloseable {

    /** How commands show progress. */
    enum Mode {
        /** A bar when stderr is a terminal, else lines. */
        AUTO,
        /** Always a progress bar. */
        BAR,
        /** Plain lines (good for logs). */
        LINES,
        /** Nothing. */
        NONE;

        /** Parses auto, bar, lines or none (case-insensitive). */
        static Mode parse(String text) {
            for (Mode m : values()) {
                if (m.name().equalsIgnoreCase(text.trim())) {
                    return m;
                }
            }
            throw new IllegalArgumentException("--progress must be auto, bar, lines or none, got '" + text + "'");
        }

        Mode resolve() {
            if (this != AUTO) {
                return this;
            }
            return System.console() != null ? BAR : LINES;
        }
    }

    private final String task;
    private final ProgressBar bar;
    private final PrintStream out;
    private long total;
    private final double lineEvery;
    private double nextLine;
    private long base = -1; // first value seen: a resumed run starts part-way, and the ETA counts from there
    private final long start = System.nanoTime();

    private ConsoleProgress(String task, long total, Mode mode, PrintStream out, double lineEvery) {
        this.task = task;
        this.total = total;
        this.out = mode == Mode.LINES ? out : null;
        this.lineEvery = lineEvery;
        this.nextLine = lineEvery;
        this.bar = mode == Mode.BAR ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null;
    }

    /**
     * @param lineEvery in LINES mode, print a line each time this fraction of the work is done (e.g. 0.1)
     */
    static ConsoleProgress start(String task, long total, Mode mode, PrintStream lines, double lineEvery) {
        return new ConsoleProgress(task, total, mode.resolve(), lines, lineEvery);
    }

    void stepTo(long done, String message) {
        if (bar != null) {
            bar.stepTo(done);
            if (message != null) {
                bar.setExtraMessage(message);
            }
        } else if (out != null && total > 0) {
            if (base < 0) {
                base = done;
                while ((double) done / total >= nextLine - 1e-12) {
                    nextLine += lineEvery;
                }
                return;
            }
            if ((double) done / total < nextLine - 1e-12) {
                return;
            }
            while ((double) done / total >= nextLine - 1e-12) {
                nextLine += lineEvery;
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double eta = done <= base ? 0 : elapsed / (done - base) * (total - done);
            out.printf(Locale.ROOT, "%s: %d/%d (%.0f%%) elapsed %s eta %s%s%n", task, done, total, 100.0 * done / total,
                    duration(elapsed), duration(eta), message == null ? "" : " " + message);
            out.flush();
        }
    }

    /** Like {@link #stepTo} with a (new) total; a total <= 0 means unknown (lines mode then stays quiet). */
    void update(long done, long newTotal, String message) {
        if (newTotal > 0 && newTotal != total) {
            total = newTotal;
            if (bar != null) {
                bar.maxHint(newTotal);
            }
        }
        stepTo(done, message);
    }

    boolean isBar() {
        return bar != null;
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
