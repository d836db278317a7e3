package dev.courier.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Bounded waits and queries over a delivery log, shared by the runtime tests. */
final class Histories {

    static final Duration BOUND = Duration.ofSeconds(10);

    private Histories() {
    }

    /** Waits (bounded) until the log holds at least {@code n} events matching {@code filter}. */
    static void awaitEvents(DeliveryLog log, Predicate<DeliveryEvent> filter, int n) throws InterruptedException {
        boolean reached = log.await(snapshot -> count(snapshot, filter) >= n, BOUND);
        assertThat(reached).as("waited %s for %s matching events; history:%n%s", BOUND, n, tail(log)).isTrue();
    }

    static void awaitKind(DeliveryLog log, EventKind kind, int n) throws InterruptedException {
        boolean reached = log.await(snapshot -> snapshot.count(kind) >= n, BOUND);
        assertThat(reached).as("waited %s for %s %s events; history:%n%s", BOUND, n, kind, tail(log)).isTrue();
    }

    static void awaitDropped(DeliveryLog log, DropCause cause, int n) throws InterruptedException {
        awaitEvents(log, dropped(cause), n);
    }

    static int count(HistorySnapshot snapshot, Predicate<DeliveryEvent> filter) {
        int matches = 0;
        for (int i = 0; i < snapshot.size(); i++) {
            if (filter.test(snapshot.event(i))) {
                matches++;
            }
        }
        return matches;
    }

    static List<DeliveryEvent> events(DeliveryLog log, Predicate<DeliveryEvent> filter) {
        List<DeliveryEvent> matching = new ArrayList<>();
        for (DeliveryEvent event : log.events()) {
            if (filter.test(event)) {
                matching.add(event);
            }
        }
        return matching;
    }

    static List<DeliveryEvent> events(DeliveryLog log, EventKind kind) {
        return events(log, event -> event.kind() == kind);
    }

    static Predicate<DeliveryEvent> dropped(DropCause cause) {
        return event -> event.kind() == EventKind.DROPPED && event.cause() == cause;
    }

    static List<Long> messageIds(List<DeliveryEvent> events) {
        return events.stream().map(DeliveryEvent::messageId).toList();
    }

    static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(BOUND.toNanos(), TimeUnit.NANOSECONDS)).as("latch released within %s", BOUND).isTrue();
    }

    /** Blocks until {@code latch} opens or the bound passes, ignoring interrupts meanwhile (re-asserted after). */
    static void awaitIgnoringInterrupts(CountDownLatch latch, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        boolean interrupted = false;
        while (true) {
            try {
                latch.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for a latch inside a listener; an interrupt (terminate) ends the wait quietly. */
    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(BOUND.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(DeliveryLog log) {
        List<DeliveryEvent> all = log.events();
        StringBuilder text = new StringBuilder();
        for (DeliveryEvent event : all.subList(Math.max(0, all.size() - 30), all.size())) {
            text.append(event).append('\n');
        }
        log.liveStates().forEach(state -> text.append(state.describe()).append('\n'));
        return text.toString();
    }
}
