package dev.courier.assertions.internal;

import dev.courier.history.Checks;
import dev.courier.history.DeliveryReport;
import dev.courier.history.DropCause;
import dev.courier.history.HandlingReport;
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

    // A drop, a duplicate and an unexpected delivery are final: no later event undoes them.
    public static Function<HistorySnapshot, Verdict<DeliveryReport>> noLostMessages() {
        return snapshot -> final_(Checks.delivery(snapshot), report -> report.lost().isEmpty(),
                DeliveryFailureMessages::noLostMessages);
    }

    public static Function<HistorySnapshot, Verdict<DeliveryReport>> noDuplicates() {
        return snapshot -> final_(Checks.delivery(snapshot), report -> report.duplicated().isEmpty(),
                DeliveryFailureMessages::noDuplicates);
    }

    public static Function<HistorySnapshot, Verdict<DeliveryReport>> noUnexpectedMessages() {
        return snapshot -> final_(Checks.delivery(snapshot), report -> report.unexpected().isEmpty(),
                DeliveryFailureMessages::noUnexpectedMessages);
    }

    public static Function<HistorySnapshot, Verdict<DeliveryReport>> deliveredExactlyOnce() {
        return snapshot -> {
            DeliveryReport report = Checks.delivery(snapshot);
            if (report.isClean()) {
                return Verdict.holds(report);
            }
            String text = DeliveryFailureMessages.deliveredExactlyOnce(report);
            return impossible(report) ? Verdict.failsForGood(report, text) : Verdict.fails(report, text);
        };
    }

    /** Delivered exactly once, decoded, and every listener returned: HANDLED OK for each sent message. */
    public static Function<HistorySnapshot, Verdict<DeliveryReport>> handledExactlyOnce() {
        return snapshot -> {
            DeliveryReport report = Checks.delivery(snapshot);
            HandlingReport handling = Checks.handling(snapshot);
            if (report.isClean() && handling.inListener().isEmpty() && handling.threw().isEmpty()) {
                return Verdict.holds(report);
            }
            String text = DeliveryFailureMessages.handledExactlyOnce(report, handling);
            return impossible(report) || !handling.threw().isEmpty() ? Verdict.failsForGood(report, text)
                    : Verdict.fails(report, text);
        };
    }

    private static boolean impossible(DeliveryReport report) {
        return !report.lost().isEmpty() || !report.duplicated().isEmpty() || !report.unexpected().isEmpty()
                || !report.undecoded().isEmpty();
    }

    public static Function<HistorySnapshot, Verdict<DeliveryReport>> lostMessages(int expected) {
        Counts.requireNotNegative(expected, "expected lost messages");
        return snapshot -> {
            DeliveryReport report = Checks.delivery(snapshot);
            int lost = report.lost().size();
            if (lost == expected) {
                return Verdict.holds(report);
            }
            String text = DeliveryFailureMessages.lostMessages(report, expected);
            return lost > expected ? Verdict.failsForGood(report, text) : Verdict.fails(report, text);
        };
    }

    public static Function<HistorySnapshot, Verdict<DeliveryReport>> lostMessagesWithCause(DropCause cause,
                                                                                          int expected) {
        Objects.requireNonNull(cause, "cause");
        Counts.requireNotNegative(expected, "expected lost messages");
        return snapshot -> {
            DeliveryReport report = Checks.delivery(snapshot);
            long withCause = report.lost().stream().filter(lost -> lost.cause() == cause).count();
            if (withCause == expected) {
                return Verdict.holds(report);
            }
            String text = DeliveryFailureMessages.lostMessagesWithCause(report, cause, withCause, expected);
            return withCause > expected ? Verdict.failsForGood(report, text) : Verdict.fails(report, text);
        };
    }

    /** As {@link #judge}, for checks whose failure no later event can undo. */
    static <R> Verdict<R> final_(R report, Predicate<R> holds, Function<R, String> failure) {
        return holds.test(report) ? Verdict.holds(report) : Verdict.failsForGood(report, failure.apply(report));
    }

    static <R> Verdict<R> judge(R report, Predicate<R> holds, Function<R, String> failure) {
        return holds.test(report) ? Verdict.holds(report) : Verdict.fails(report, failure.apply(report));
    }
}
