package dev.courier.assertions.internal;

import static dev.courier.assertions.internal.FailureText.count;
import static dev.courier.assertions.internal.FailureText.was;

import dev.courier.history.Anomaly;
import dev.courier.history.DeliveryReport;
import dev.courier.history.DropCause;
import dev.courier.history.DuplicatedMessage;
import dev.courier.history.HandlingReport;
import dev.courier.history.LostMessage;
import dev.courier.history.PendingMessage;
import dev.courier.history.UnexpectedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/** The failure texts of the delivery-count assertions, built from a {@link DeliveryReport}. Stateless. */
public final class DeliveryFailureMessages {

    private DeliveryFailureMessages() {
    }

    public static String noLostMessages(DeliveryReport report) {
        int lost = report.lost().size();
        return FailureText.of("Expecting no lost messages but " + lost + " of " + report.sentCount() + " " + was(lost)
                + " lost:").items(lostLines(report.lost())).diagnosis(lossDiagnosis(report)).toString();
    }

    public static String lostMessages(DeliveryReport report, int expected) {
        int lost = report.lost().size();
        String actual = lost == 0 ? "none of " + report.sentCount() + " was lost"
                : lost + " of " + report.sentCount() + " " + was(lost) + " lost:";
        return FailureText.of("Expecting " + count(expected, "lost message") + " but " + actual)
                .items(lostLines(report.lost())).diagnosis(lossDiagnosis(report)).toString();
    }

    public static String lostMessagesWithCause(DeliveryReport report, DropCause cause, long withCause, int expected) {
        return FailureText.of("Expecting " + count(expected, "message") + " lost with cause " + cause + " but "
                + withCause + " " + was(withCause) + " (" + report.lost().size() + " lost in all"
                + (report.lost().isEmpty() ? ")" : "):")).items(lostLines(report.lost()))
                .diagnosis(lossDiagnosis(report)).toString();
    }

    public static String noDuplicates(DeliveryReport report) {
        int duplicated = report.duplicated().size();
        return FailureText.of("Expecting no duplicate deliveries but " + duplicated + " of "
                + count(report.sentCount(), "message") + " " + was(duplicated) + " delivered more than once:")
                .items(report.duplicated().stream().map(DeliveryFailureMessages::line).toList())
                .diagnosis(Relevant.concerning(report.anomalies(), ids(report.duplicated(), DuplicatedMessage::id)))
                .toString();
    }

    public static String noUnexpectedMessages(DeliveryReport report) {
        int unexpected = report.unexpected().size();
        return FailureText.of("Expecting no unexpected messages but " + count(unexpected, "message") + " "
                + was(unexpected) + " delivered without being sent:")
                .items(report.unexpected().stream().map(DeliveryFailureMessages::line).toList())
                .diagnosis(Relevant.concerning(report.anomalies(), ids(report.unexpected(), UnexpectedMessage::id)))
                .toString();
    }

    public static String deliveredExactlyOnce(DeliveryReport report) {
        return FailureText.of("Expecting " + eachSent(report) + " to be delivered exactly once with nothing in flight but " + problems(report) + ":")
                .items(problemLines(report)).diagnosis(report.anomalies()).toString();
    }

    public static String handledExactlyOnce(DeliveryReport report, HandlingReport handling) {
        List<String> lines = problemLines(report);
        handling.threw().forEach(message -> lines.add(message(message.id(), message.sender(), message.receiver(),
                message.sequence()) + ": its listener threw " + message.error()));
        handling.inListener().forEach(message -> lines.add(message(message.id(), message.sender(), message.receiver(),
                message.sequence()) + ": delivered, its listener has not returned yet"));
        String header = problems(report) + ", " + handling.threw().size() + " threw in the listener, "
                + handling.inListener().size() + " still in the listener";
        return FailureText.of("Expecting " + eachSent(report) + " to be handled exactly once (its listener returned) but " + header + ":")
                .items(lines).diagnosis(report.anomalies()).toString();
    }

    // "each of the 3 sent messages", "the 1 sent message"
    private static String eachSent(DeliveryReport report) {
        return report.sentCount() == 1 ? "the 1 sent message" : "each of the " + report.sentCount() + " sent messages";
    }

    private static String problems(DeliveryReport report) {
        return report.lost().size() + " lost, " + report.duplicated().size() + " duplicated, "
                + report.unexpected().size() + " unexpected, " + report.pending().size() + " pending"
                + (report.undecoded().isEmpty() ? "" : ", " + report.undecoded().size() + " undecoded");
    }

    private static List<String> problemLines(DeliveryReport report) {
        List<String> lines = new ArrayList<>(lostLines(report.lost()));
        report.duplicated().forEach(message -> lines.add(line(message)));
        report.unexpected().forEach(message -> lines.add(line(message)));
        report.undecoded().forEach(message -> lines.add(message(message.id(), message.sender(), message.receiver(),
                -1).replace(" (seq -1)", "") + ": taken off the queue but could not be decoded (messageerror: "
                + (message.error() != null ? message.error() : message.detail()) + "), so no listener saw it"));
        report.pending().forEach(message -> lines.add(line(message)));
        return lines;
    }

    private static List<String> lostLines(List<LostMessage> lost) {
        return lost.stream().map(DeliveryFailureMessages::line).toList();
    }

    private static List<Anomaly> lossDiagnosis(DeliveryReport report) {
        return Relevant.concerning(report.anomalies(), ids(report.lost(), LostMessage::id));
    }

    private static <T> List<Long> ids(List<T> messages, ToLongFunction<T> id) {
        return messages.stream().map(message -> id.applyAsLong(message)).toList();
    }

    /** "message 4 main -> transcoder#3 (seq 2)" */
    public static String message(long id, String sender, String receiver, long sequence) {
        return "message " + id + " " + sender + " -> " + receiver + " (seq " + sequence + ")";
    }

    static String line(LostMessage lost) {
        String how = lost.stageThrew() ? "because its stage threw " + lost.error()
                : lost.cause() == null ? "with no recorded cause" : String.valueOf(lost.cause());
        return message(lost.id(), lost.sender(), lost.receiver(), lost.sequence()) + ": dropped " + how;
    }

    static String line(DuplicatedMessage duplicated) {
        return message(duplicated.id(), duplicated.sender(), duplicated.receiver(), duplicated.sequence())
                + ": delivered " + duplicated.deliveries() + " times";
    }

    static String line(UnexpectedMessage unexpected) {
        return message(unexpected.id(), unexpected.sender(), unexpected.receiver(), unexpected.sequence())
                + ": delivered " + count(unexpected.deliveries(), "time") + ", never sent";
    }

    static String line(PendingMessage pending) {
        return message(pending.id(), pending.sender(), pending.receiver(), pending.sequence())
                + (pending.queued() ? ": still queued" : ": sent, never enqueued");
    }
}
