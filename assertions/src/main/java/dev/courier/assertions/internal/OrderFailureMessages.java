package dev.courier.assertions.internal;

import static dev.courier.assertions.internal.FailureText.count;

import dev.courier.history.AnomalyKind;
import dev.courier.history.OrderInversion;
import dev.courier.history.OrderReport;
import java.util.ArrayList;
import java.util.List;

/** The failure texts of the order assertions, built from an {@link OrderReport}. Stateless. */
public final class OrderFailureMessages {

    private OrderFailureMessages() {
    }

    public static String perSender(OrderReport report) {
        return FailureText.of("Expecting each sender's messages to be delivered in send order but "
                + count(report.perSenderTotal(), "delivery") + " broke per-sender FIFO:")
                .items(lines(report.perSenderViolations()), report.perSenderTotal())
                .diagnosis(Relevant.ofKinds(report.anomalies(), AnomalyKind.PER_SENDER_ORDER_VIOLATED)).toString();
    }

    public static String perKey(OrderReport report) {
        return FailureText.of("Expecting messages with equal keys to be delivered in send order but "
                + count(report.keyTotal(), "delivery") + " came after a later message with the same key:")
                .items(lines(report.keyViolations()), report.keyTotal())
                .diagnosis(Relevant.ofKinds(report.anomalies(), AnomalyKind.KEY_ORDER_VIOLATED)).toString();
    }

    public static String global(OrderReport report) {
        List<String> lines = new ArrayList<>(lines(report.perSenderViolations()));
        lines.addAll(lines(report.globalInversions()));
        long total = report.perSenderTotal() + report.globalTotal();
        return FailureText.of("Expecting every receiver to get its messages in global send order but "
                + count(total, "delivery") + " came after a message sent later (" + report.perSenderTotal()
                + " from the same sender, " + report.globalTotal() + " across senders):")
                .items(lines, total)
                .diagnosis(Relevant.ofKinds(report.anomalies(), AnomalyKind.PER_SENDER_ORDER_VIOLATED,
                        AnomalyKind.CROSS_SENDER_INTERLEAVING)).toString();
    }

    private static List<String> lines(List<OrderInversion> inversions) {
        return inversions.stream().map(inversion -> "at `" + inversion.receiver() + "`: " + inversion.describe())
                .toList();
    }
}
