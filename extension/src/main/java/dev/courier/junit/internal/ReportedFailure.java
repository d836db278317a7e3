package dev.courier.junit.internal;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import org.opentest4j.AssertionFailedError;

/**
 * Copies a failure with the report's path appended to its message, keeping its type where it can: an
 * {@link AssertionFailedError} keeps its expected and actual values; a type with a public
 * {@code (String, SameType)} copy constructor is copied with it (the copy keeps the original's cause); a type
 * with a public {@code (String, Throwable)} constructor gets the original as cause; anything else becomes an
 * {@link AssertionError} caused by the original. Stack trace and suppressed exceptions are kept. Stateless.
 */
final class ReportedFailure {

    private ReportedFailure() {
    }

    /** The line appended to a failure's message. */
    static String line(Path report) {
        return "Courier report: " + report;
    }

    static Throwable withPath(Throwable thrown, Path report) {
        String message = thrown.getMessage() == null ? line(report) : thrown.getMessage() + "\n" + line(report);
        Throwable copy = sameType(thrown, message);
        copy.setStackTrace(thrown.getStackTrace());
        for (Throwable suppressed : thrown.getSuppressed()) {
            copy.addSuppressed(suppressed);
        }
        return copy;
    }

    private static Throwable sameType(Throwable thrown, String message) {
        if (thrown.getClass() == AssertionFailedError.class) {
            AssertionFailedError failed = (AssertionFailedError) thrown;
            return failed.isExpectedDefined() && failed.isActualDefined()
                    ? new AssertionFailedError(message, failed.getExpected().getValue(), failed.getActual().getValue(),
                            thrown)
                    : new AssertionFailedError(message, thrown);
        }
        Throwable copy = copy(thrown, thrown.getClass(), message); // a copy constructor keeps the original's cause
        if (copy != null && message.equals(copy.getMessage())) {
            return copy;
        }
        copy = copy(thrown, Throwable.class, message);
        if (copy != null && message.equals(copy.getMessage()) && copy.getCause() == thrown) {
            return copy;
        }
        return new AssertionError(message, thrown);
    }

    private static Throwable copy(Throwable thrown, Class<?> causeType, String message) {
        try {
            Constructor<? extends Throwable> constructor = thrown.getClass().getConstructor(String.class, causeType);
            return constructor.newInstance(message, thrown);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null; // no usable constructor of this shape
        }
    }
}
