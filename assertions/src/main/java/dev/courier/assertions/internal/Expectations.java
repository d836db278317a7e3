package dev.courier.assertions.internal;

import dev.courier.history.HistorySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The expectations one waiting-capable assert accumulated, in call order, and where that assert was created.
 * Nothing is evaluated until {@link #combined()} is asked for at {@code check()}; an assert whose expectations
 * were never checked is reported by {@link Unchecked}.
 *
 * <p>Thread contract: confined to the test thread that builds the assert.
 */
public final class Expectations {

    private final String subject;
    private final StackTraceElement createdAt;
    private final List<String> names = new ArrayList<>();
    private final List<Supplier<Function<HistorySnapshot, Verdict<?>>>> checks = new ArrayList<>();
    private boolean waits;
    private boolean checked;

    Expectations(String subject, StackTraceElement createdAt) {
        this.subject = subject;
        this.createdAt = createdAt;
    }

    /**
     * Adds one expectation. {@code check} supplies a fresh check per evaluation (a check may keep state
     * between the snapshots of one wait).
     */
    public void add(String name, Supplier<Function<HistorySnapshot, Verdict<?>>> check) {
        names.add(name);
        checks.add(check);
    }

    /** Notes that a wait bound was given: a wait nobody checks is as unevaluated as an expectation. */
    public void waits() {
        waits = true;
    }

    /** Whether nothing was declared at all. */
    public boolean isEmpty() {
        return checks.isEmpty();
    }

    /** Whether something was declared that only {@code check()} evaluates. */
    boolean declaresSomething() {
        return !checks.isEmpty() || waits;
    }

    boolean isChecked() {
        return checked;
    }

    void markChecked() {
        checked = true;
    }

    /**
     * One check over all expectations: it holds when every one holds, its failure is the first settled
     * failure (recorded facts made that expectation impossible) or else the first failure, so a wait ends as
     * soon as any expectation is final.
     */
    @SuppressWarnings("unchecked")
    public Function<HistorySnapshot, Verdict<Object>> combined() {
        List<Function<HistorySnapshot, Verdict<?>>> fresh = checks.stream().map(Supplier::get).toList();
        return snapshot -> {
            Verdict<?> firstFailure = null;
            for (Function<HistorySnapshot, Verdict<?>> check : fresh) {
                Verdict<?> verdict = check.apply(snapshot);
                if (verdict.isHeld()) {
                    continue;
                }
                if (verdict.settled()) {
                    return (Verdict<Object>) verdict;
                }
                firstFailure = firstFailure == null ? verdict : firstFailure;
            }
            return firstFailure == null ? Verdict.holds(null) : (Verdict<Object>) firstFailure;
        };
    }

    /** "assertThat(log).within(...).hasNoLostMessages().hasNoDuplicates() at PipelineTests.java:42" */
    String describe() {
        return "assertThat(" + subject + ")" + (waits ? ".within(...)" : "")
                + names.stream().map(name -> "." + name).reduce("", String::concat)
                + (createdAt == null ? "" : " at " + createdAt.getFileName() + ":" + createdAt.getLineNumber()
                + " (" + createdAt.getClassName() + "." + createdAt.getMethodName() + ")");
    }
}
