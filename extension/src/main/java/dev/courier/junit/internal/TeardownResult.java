package dev.courier.junit.internal;

import dev.courier.history.DeliveryReport;
import dev.courier.history.LifecycleReport;
import java.util.List;

/**
 * What one teardown found. Immutable.
 *
 * @param summary   the one-line delivery summary published as {@code courier.delivery}
 * @param problems  what fails the test, one entry per problem, empty when clean
 * @param causes    throwables behind the problems (worker errors), attached as suppressed
 * @param delivery  the delivery report after the workers were closed
 * @param lifecycle the lifecycle report after the workers were closed
 * @param stuck     how many problems are workers, threads or executors that did not end (nothing excuses them)
 * @param strict    how many problems are strict-mode faults, which @ExpectDeliveryFaults or courier.strict=false excuse
 */
public record TeardownResult(String summary, List<String> problems, List<Throwable> causes, DeliveryReport delivery,
                             LifecycleReport lifecycle, int stuck, int strict) {

    public TeardownResult {
        problems = List.copyOf(problems);
        causes = List.copyOf(causes);
    }

    /** The failure to throw, or null when nothing is wrong. */
    public AssertionError failure(String testName) {
        if (problems.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder("Courier teardown of ").append(testName).append(" found ")
                .append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
        for (int i = 0; i < problems.size(); i++) {
            text.append("\n").append(i + 1).append(". ").append(problems.get(i));
        }
        if (strict > 0) {
            text.append("\nDeclare faults a test provokes on purpose with @ExpectDeliveryFaults, or set "
                    + "courier.strict=false.");
        }
        if (stuck > 0) {
            text.append("\nClose or end every worker, thread and executor the test starts.");
        }
        AssertionError error = new AssertionError(text.toString());
        causes.forEach(error::addSuppressed);
        return error;
    }
}
