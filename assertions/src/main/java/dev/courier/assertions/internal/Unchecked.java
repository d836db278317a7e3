package dev.courier.assertions.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The asserts of the current thread whose expectations were declared but never evaluated by {@code check()}.
 * A new Courier assert reports the earlier unchecked ones, and so does {@link #requireNoneLeft()}, which the
 * JUnit extension calls after each test; either way an unevaluated check fails loudly instead of passing.
 *
 * <p>Thread contract: per thread (a thread-local list); each thread sees only the asserts it created.
 */
public final class Unchecked {

    private static final ThreadLocal<List<Expectations>> OPEN = ThreadLocal.withInitial(ArrayList::new);
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private Unchecked() {
    }

    /**
     * Opens the expectations of a new assert over {@code subject}, after reporting any earlier unchecked one.
     *
     * @throws IllegalStateException naming the earlier assert that declared expectations nobody checked
     */
    public static Expectations open(String subject) {
        requireNoneLeft();
        Expectations expectations = new Expectations(subject, caller());
        OPEN.get().add(expectations);
        return expectations;
    }

    /** Marks {@code expectations} evaluated: {@code check()} (or a navigation such as hasAnomaly) ran. */
    public static void close(Expectations expectations) {
        expectations.markChecked();
        OPEN.get().remove(expectations);
    }

    /**
     * Fails when an assert created on this thread declared expectations (or a wait) and was never checked;
     * forgets every open assert either way, so each is reported once.
     *
     * @throws IllegalStateException naming the unchecked asserts and where they were created
     */
    public static void requireNoneLeft() {
        List<Expectations> open = OPEN.get();
        List<String> forgotten = open.stream().filter(e -> !e.isChecked() && e.declaresSomething())
                .map(Expectations::describe).toList();
        open.clear();
        if (!forgotten.isEmpty()) {
            throw new IllegalStateException(FailureText.count(forgotten.size(), "Courier assertion")
                    + (forgotten.size() == 1 ? " was" : " were") + " never evaluated: end each one with .check() "
                    + "(it checks now, or waits after within(...)):" + String.join("", forgotten.stream()
                    .map(text -> "\n  - " + text).toList()));
        }
    }

    private static StackTraceElement caller() {
        return WALKER.walk(frames -> frames.filter(frame -> !isLibrary(frame.getDeclaringClass()))
                .findFirst().map(StackWalker.StackFrame::toStackTraceElement).orElse(null));
    }

    // Courier's own assertion classes (same code source as this one), AssertJ and its generated soft proxies.
    private static boolean isLibrary(Class<?> type) {
        String name = type.getName();
        return name.startsWith("org.assertj") || name.contains("$ByteBuddy")
                || type.getProtectionDomain().getCodeSource() == Unchecked.class.getProtectionDomain().getCodeSource()
                && name.startsWith("dev.courier.assertions");
    }
}
