package dev.courier.sim;

import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Helpers for simulation tests: histories as comparable lines, and the courier threads alive now. */
final class Simulated {

    private Simulated() {
    }

    /** Every event with its time, kind, ids, endpoints, number and cause: two equal lists are the same history. */
    static List<String> lines(DeliveryLog log) {
        return log.events().stream().map(event -> event.timeNanos() + " " + event + " n=" + event.number()).toList();
    }

    static List<DeliveryEvent> ofKind(DeliveryLog log, EventKind kind) {
        return log.events().stream().filter(event -> event.kind() == kind).toList();
    }

    /** Names of live threads the runtime would have made (workers, their dispatchers, channel dispatchers). */
    static Set<String> courierThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("courier-")).collect(Collectors.toSet());
    }
}
