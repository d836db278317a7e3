package dev.courier.tap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Reads tap tests' logs: events by kind and receiver, and bounded waits that report the log on timeout. */
final class LogReading {

    static final Duration WAIT = Duration.ofSeconds(10);

    private LogReading() {
    }

    static List<DeliveryEvent> events(DeliveryLog log, EventKind kind) {
        return log.snapshot().events().stream().filter(e -> e.kind() == kind).collect(Collectors.toList());
    }

    static List<DeliveryEvent> events(DeliveryLog log, EventKind kind, String receiver) {
        return events(log, kind).stream().filter(e -> receiver.equals(e.receiver())).collect(Collectors.toList());
    }

    /** Waits (bounded) until the log holds at least {@code count} events of {@code kind}. */
    static void awaitCount(DeliveryLog log, EventKind kind, int count) throws InterruptedException {
        boolean reached = log.await(snapshot -> snapshot.count(kind) >= count, WAIT);
        assertThat(reached).as("waited %s for %d %s events; the log holds %s", WAIT, count, kind, log.events())
                .isTrue();
    }

    /** The index of the first event of {@code kind} about message {@code id}, or -1. */
    static long indexOf(DeliveryLog log, EventKind kind, long id) {
        return events(log, kind).stream().filter(e -> e.messageId() == id).mapToLong(DeliveryEvent::index)
                .findFirst().orElse(-1);
    }
}
