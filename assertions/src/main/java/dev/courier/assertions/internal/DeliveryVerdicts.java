package dev.courier.assertions.internal;

import dev.courier.history.Checks;
import dev.courier.history.DeliveryReport;
import dev.courier.history.DropCause;
import dev.courier.history.HistorySnapshot;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The delivery-count checks as functions from a snapshot to a verdict over {@link Checks#delivery}.
 * Stateless; every function may be re-run on each new snapshot.
 */
public final class DeliveryVerdicts {

    private DeliveryVerdicts() {
    }

    public static Function<HistorySnapshot, Verdict<DeliveryReport>> noLostMessages() {
        return snapshot -> judge(Checks.delivery(snapshot), report -> report.lost().isEmpty(),
                DeliveryFailureMessages::noLostMessages);
    }

    public static Function<HistorySnapshot, Verdict<DeliveryReport>> noDuplicates() {
        return snapshot -> judge(Checks.delivery(snapshot), report -> report.duplicated().isEmpty(),
                DeliveryFailureMessages::noDuplicates);
    }

    public static Function<HistorySnapshot, Verdict<DeliveryReport>> noUnexpectedMessages() {
        return snapshot -> judge(Checks.delivery(snapshot), report -> report.unexpected().isEmpty(),
                DeliveryFailureMessages::noUnexpectedMessages);
    }

    public static Function<HistorySnapshot, Verdict<DeliveryReport>> deliveredExactlyOnce() {
        return snapshot -> judge(Checks.delivery(snapshot), DeliveryReport::isClean,
                DeliveryFailureMessages::deliveredExactlyOnce);
    }

    public static Function<HistorySnapshot, Verdict<DeliveryReport>> lostMessages(int expected) {
        Counts.requireNotNegative(expected, "expected lost messages");
        return snapshot -> judge(Checks.delivery(snapshot), report -> report.lost().size() == expected,
                report -> DeliveryFailureMessages.lostMessages(report, expected));
    }

    public static Function<HistorySnapshot, Verdict<DeliveryReport>> lostMessagesWithCause(DropCause cause,
                                                                                          int expected) {
        Objects.requireNonNull(cause, "cause");
        Counts.requireNotNegative(expected, "expected lost messages");
        return snapshot -> {
            DeliveryReport report = Checks.delivery(snapshot);
            long withCause = report.lost().stream().filter(lost -> lost.cause() == cause).count();
            return withCause == expected ? Verdict.holds(report) : Verdict.fails(report,
                    DeliveryFailureMessages.lostMessagesWithCause(report, cause, withCause, expected));
        };
    }

    static <R> Verdict<R> judge(R report, Predicate<R> holds, Function<R, String> failure) {
        return holds.test(report) ? Verdict.holds(report) : Verdict.fails(report, failure.apply(report));
    }
}
