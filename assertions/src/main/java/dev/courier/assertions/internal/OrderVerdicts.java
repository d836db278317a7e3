package dev.courier.assertions.internal;

import dev.courier.history.Checks;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.OrderReport;
import java.util.Objects;
import java.util.function.Function;

/**
 * The order checks as functions from a snapshot to a verdict over {@link Checks#order}; an inversion is
 * final (no later delivery undoes it). Stateless;
 * every function may be re-run on each new snapshot.
 */
public final class OrderVerdicts {

    private OrderVerdicts() {
    }

    public static Function<HistorySnapshot, Verdict<OrderReport>> perSender() {
        return snapshot -> DeliveryVerdicts.final_(Checks.order(snapshot), OrderReport::isInSendOrderPerSender,
                OrderFailureMessages::perSender);
    }

    public static Function<HistorySnapshot, Verdict<OrderReport>> perKey(Function<Object, ?> keyOfPayload) {
        Objects.requireNonNull(keyOfPayload, "keyOfPayload");
        return snapshot -> DeliveryVerdicts.final_(Checks.order(snapshot, keyOfPayload),
                OrderReport::isInSendOrderPerKey, OrderFailureMessages::perKey);
    }

    public static Function<HistorySnapshot, Verdict<OrderReport>> global() {
        return snapshot -> DeliveryVerdicts.final_(Checks.order(snapshot), OrderReport::isInGlobalSendOrder,
                OrderFailureMessages::global);
    }
}
