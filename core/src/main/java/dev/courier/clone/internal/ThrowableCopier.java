package dev.courier.clone.internal;

import dev.courier.clone.DataCloneException;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a throwable: class, message, stack trace, cause chain and suppressed exceptions, plus the fields
 * of user exception classes.
 *
 * <p>Throwable's own fields are private to {@code java.base}. Without {@code --add-opens}, the only way
 * to make an instance of the exact class with a given message and stack trace, whatever constructors the
 * class has, is Java serialization: the throwable is written with every object except its message and
 * stack trace left out (user fields become null, the cause becomes "not yet set", the suppressed list
 * empty), read back as a shell, and then the cause, suppressed exceptions and user fields are copied
 * into the shell through the ordinary clone, so topology and clone rules apply to them too.
 */
final class ThrowableCopier implements CopyHandler {

    private final FieldPlan userFields;

    ThrowableCopier(Class<?> type) {
        this.userFields = FieldPlan.of(type);
    }

    @Override
    public void start(Object original, PathNode path, Sink sink, CopyContext context) {
        Throwable source = (Throwable) original;
        Throwable shell = shellOf(source, path);
        context.account(path, original, 64L + 32L * shell.getStackTrace().length);
        context.register(source, shell);
        sink.accept(shell);
        Throwable[] suppressed = source.getSuppressed();
        if (suppressed.length > 0) {
            context.later(new SuppressedCursor(context, suppressed, shell, path));
        }
        Throwable cause = source.getCause();
        if (cause != null && cause != source) {
            PathNode at = path.field("cause");
            context.schedule(cause, at, copy -> initCause(shell, (Throwable) copy, at));
        }
        ObjectCopier.scheduleFields(userFields, source, shell, path, context);
    }

    private static Throwable shellOf(Throwable source, PathNode path) {
        Throwable cause = source.getCause();
        try {
            return (Throwable) SerialStreams.roundTrip(source, obj -> {
                if (obj == source || obj instanceof String || obj instanceof StackTraceElement
                        || obj instanceof StackTraceElement[]) {
                    return obj;
                }
                if (obj == cause) {
                    return source; // "cause not set yet", so initCause works on the shell
                }
                return obj instanceof List<?> ? new ArrayList<>() : null;
            });
        } catch (Exception e) {
            throw new DataCloneException(path.toString(), source.getClass().getName(),
                    "the throwable could not be rebuilt: " + e, "keep custom serialization methods out of"
                    + " exception classes sent in messages", e);
        }
    }

    private static void initCause(Throwable shell, Throwable cause, PathNode path) {
        try {
            shell.initCause(cause);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new DataCloneException(path.toString(), shell.getClass().getName(),
                    "the cause could not be set on the copy: " + e.getMessage(),
                    "use the standard cause (constructor or initCause) in exception classes sent in messages", e);
        }
    }

    /** Copies the suppressed exceptions, then adds them in order. */
    private static final class SuppressedCursor extends ChildCursor {
        private final Throwable[] suppressed;
        private final Object[] copies;
        private final Throwable shell;
        private final PathNode path;
        private int next;

        SuppressedCursor(CopyContext context, Throwable[] suppressed, Throwable shell, PathNode path) {
            super(context);
            this.suppressed = suppressed;
            this.copies = new Object[suppressed.length];
            this.shell = shell;
            this.path = path.field("suppressed");
        }

        @Override
        protected boolean hasNext() {
            return next < suppressed.length;
        }

        @Override
        protected void scheduleNext() {
            int at = next++;
            context.schedule(suppressed[at], path.index(at), copy -> copies[at] = copy);
        }

        @Override
        protected void finish() {
            for (Object copy : copies) {
                shell.addSuppressed((Throwable) copy);
            }
        }
    }
}
