package org.knime.core.node;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

// Mirrors org.knime.core.node.NodeLogger, KNIME 5.5.0 (knime-core analytics-platform/5.5.0): compile-only subset.
/** Harness stand-in, writing to java.util.logging. */
public final class NodeLogger {

    private final Logger logger;

    private NodeLogger(final String name) {
        logger = Logger.getLogger(name);
    }

    public static NodeLogger getLogger(final Class<?> c) {
        return new NodeLogger(c.getName());
    }

    public static NodeLogger getLogger(final String s) {
        return new NodeLogger(s);
    }

    private void log(final Level level, final Object o, final Throwable t) {
        if (logger.isLoggable(level)) {
            logger.log(level, String.valueOf(o), t);
        }
    }

    public void debug(final Object o) {
        log(Level.FINE, o, null);
    }

    public void debug(final Object o, final Throwable t) {
        log(Level.FINE, o, t);
    }

    public void debug(final Supplier<Object> s) {
        if (logger.isLoggable(Level.FINE)) {
            log(Level.FINE, s.get(), null);
        }
    }

    public void info(final Object o) {
        log(Level.INFO, o, null);
    }

    public void info(final Object o, final Throwable t) {
        log(Level.INFO, o, t);
    }

    public void info(final Supplier<Object> s) {
        if (logger.isLoggable(Level.INFO)) {
            log(Level.INFO, s.get(), null);
        }
    }

    public void warn(final Object o) {
        log(Level.WARNING, o, null);
    }

    public void warn(final Object o, final Throwable t) {
        log(Level.WARNING, o, t);
    }

    public void warn(final Supplier<Object> s) {
        log(Level.WARNING, s.get(), null);
    }

    public void error(final Object o) {
        log(Level.SEVERE, o, null);
    }

    public void error(final Object o, final Throwable t) {
        log(Level.SEVERE, o, t);
    }

    public void error(final Supplier<Object> s) {
        log(Level.SEVERE, s.get(), null);
    }
}
