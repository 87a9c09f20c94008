package org.gaudi.knime.testsupport;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Calls the framework-only (protected or package-private) members of KNIME classes from tests, as KNIME's own
 * framework does; the API itself stays exactly KNIME's.
 */
final class Reflect {

    private Reflect() {
    }

    /** Invokes the named method, declared on the object's class or a superclass, unwrapping its exception. */
    static Object call(final Object target, final String name, final Class<?>[] types, final Object... args)
            throws Exception {
        Method m = find(target.getClass(), name, types);
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw unwrap(e);
        }
    }

    /** As {@link #call} for methods that throw no checked exception. */
    static Object callUnchecked(final Object target, final String name, final Class<?>[] types,
            final Object... args) {
        try {
            return call(target, name, types, args);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T construct(final Class<T> type, final Class<?>[] types, final Object... args) {
        try {
            Constructor<T> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            return c.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot construct " + type.getName() + ": " + e, e);
        }
    }

    private static Method find(final Class<?> start, final String name, final Class<?>[] types) {
        for (Class<?> c = start; c != null; c = c.getSuperclass()) {
            try {
                Method m = c.getDeclaredMethod(name, types);
                m.setAccessible(true);
                return m;
            } catch (NoSuchMethodException e) {
                // keep looking in the superclass
            }
        }
        throw new IllegalStateException("No method " + name + " on " + start.getName());
    }

    private static Exception unwrap(final InvocationTargetException e) {
        Throwable t = e.getCause();
        if (t instanceof Error) {
            throw (Error) t;
        }
        return (Exception) t;
    }
}
