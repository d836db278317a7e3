package dev.courier.node;

import dev.courier.history.Checks;
import dev.courier.history.DeliveryCounts;
import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DeliveryReport;
import dev.courier.history.EventKind;
import dev.courier.history.LostMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The delivered / lost outcome of a history with the run-specific parts of labels removed ({@code crash#3} is
 * {@code crash}, {@code channel-2.port1} is {@code port1}), so a real Node run and a Courier run compare equal when
 * they delivered and lost the same messages for the same causes.
 */
final class Outcomes {

    private Outcomes() {
    }

    /** One line per channel ("main->crash: ok 1, lost 3 WORKER_EXITED"), then clone failures, sorted. */
    static List<String> of(DeliveryLog log) {
        DeliveryReport report = Checks.delivery(log);
        List<String> lines = new ArrayList<>();
        for (DeliveryCounts channel : report.channels()) {
            String sender = channel.sender();
            String receiver = channel.receiver();
            String causes = report.lost().stream()
                    .filter(m -> m.sender().equals(sender) && m.receiver().equals(receiver))
                    .map(LostMessage::cause).map(String::valueOf).distinct().sorted()
                    .collect(Collectors.joining(" "));
            lines.add(label(sender) + "->" + label(receiver) + ": ok " + channel.ok() + ", lost " + channel.lost()
                    + (causes.isEmpty() ? "" : " " + causes) + ", pending " + channel.pending());
        }
        Map<String, Integer> cloneFailures = new TreeMap<>();
        for (DeliveryEvent event : log.events()) {
            if (event.kind() == EventKind.CLONE_FAILED) {
                cloneFailures.merge(label(event.sender()) + "->" + label(event.receiver()), 1, Integer::sum);
            }
        }
        cloneFailures.forEach((path, count) -> lines.add("clone failures " + path + ": " + count));
        lines.sort(null);
        return lines;
    }

    static String label(String label) {
        if (label == null) {
            return "-";
        }
        int hash = label.lastIndexOf('#');
        if (hash > 0) {
            return label.substring(0, hash);
        }
        int dot = label.lastIndexOf('.');
        return label.startsWith("channel-") && dot > 0 ? label.substring(dot + 1) : label;
    }
}
