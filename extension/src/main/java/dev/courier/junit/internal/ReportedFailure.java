package dev.courier.junit.internal;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import org.opentest4j.AssertionFailedError;

/**
 * Copies a failure with the report's path appended to its message: same type when the type has a public
 * {@code (String, Throwable)} constructor (an {@link AssertionFailedError} keeps its expected and actual values),
 * otherwise an {@link AssertionError}; the original is the cause, and its stack trace and suppressed
 * exceptions are kept. Stateless.
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
        try {
            Constructor<? extends Throwable> constructor = thrown.getClass().getConstructor(String.class, Throwable.class);
            Throwable copy = constructor.newInstance(message, thrown);
            if (message.equals(copy.getMessage()) && copy.getCause() == thrown) {
                return copy;
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // no usable constructor: fall back to an AssertionError below
        }
        return new AssertionError(message, thrown);
    }
}
