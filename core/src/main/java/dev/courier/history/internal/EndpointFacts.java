package dev.courier.history.internal;

import dev.courier.history.EndpointNames;
import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lifecycle facts of each endpoint in a snapshot (online, exit, errors, message-listener
 * registrations, consumer threads of taps), gathered in one pass over the worker and listener events. Explanations read it.
 *
 * <p>Thread contract: built and read by one checker call; not modified after {@link #of} returns.
 */
public final class EndpointFacts {

    private final HistorySnapshot snapshot;
    private final Map<String, Endpoint> byLabel = new LinkedHashMap<>();

    private EndpointFacts(HistorySnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** The facts of every endpoint that has worker or listener events in {@code snapshot}. */
    public static EndpointFacts of(HistorySnapshot snapshot) {
        EndpointFacts facts = new EndpointFacts(snapshot);
        for (int index = 0, size = snapshot.size(); index < size; index++) {
            EventKind kind = snapshot.kind(index);
            // A transfer changes who delivers for a port, not the port's lifecycle.
            if (!kind.isMessageEvent() && kind != EventKind.PORT_TRANSFERRED) {
                facts.note(kind, index);
            }
        }
        return facts;
    }

    private void note(EventKind kind, int index) {
        String label = snapshot.receiver(index);
        if (label == null) {
            return;
        }
        Endpoint endpoint = byLabel.computeIfAbsent(label, Endpoint::new);
        switch (kind) {
            case WORKER_ONLINE -> {
                endpoint.online = endpoint.online < 0 ? index : endpoint.online;
                endpoint.name = snapshot.detail(index);
            }
            case WORKER_ERROR -> endpoint.errors.add(index);
            case WORKER_EXIT -> endpoint.exit = endpoint.exit < 0 ? index : endpoint.exit;
            case LISTENER_ADDED -> {
                if ("message".equals(snapshot.detail(index))) {
                    endpoint.messageListenerAdds.add(index);
                }
            }
            case CONSUMER_STARTED -> endpoint.consumersStarted.add(index);
            case CONSUMER_STOPPED -> endpoint.consumersStopped.add(index);
            default -> {
                // LISTENER_REMOVED is not needed by any explanation.
            }
        }
    }

    /** The facts of {@code label}; an endpoint with no lifecycle events has empty facts. */
    public Endpoint get(String label) {
        Endpoint known = byLabel.get(label);
        return known == null ? new Endpoint(label) : known;
    }

    /** Every endpoint with lifecycle events, in order of first event. */
    public Collection<Endpoint> all() {
        return byLabel.values();
    }

    /** Lifecycle facts of one endpoint: event indexes, -1 when absent. */
    public static final class Endpoint {
        public final String label;
        public int online = -1;
        public int exit = -1;
        public String name;
        public final List<Integer> errors = new ArrayList<>();
        public final List<Integer> messageListenerAdds = new ArrayList<>();
        public final List<Integer> consumersStarted = new ArrayList<>();
        public final List<Integer> consumersStopped = new ArrayList<>();

        Endpoint(String label) {
            this.label = label;
        }

        /**
         * Whether it is a Courier port that buffers until a message listener is added: a worker. The main side of
         * workers ({@code main}) drops instead, as in Node; taps and channel ports are not known to buffer.
         */
        public boolean buffersUntilListened() {
            return isWorker();
        }

        /** Whether it is a worker (it came online or exited). */
        public boolean isWorker() {
            return online >= 0 || exit >= 0;
        }

        /** The worker's name: the WORKER_ONLINE detail, else the label before '#'. */
        public String workerName() {
            if (name != null) {
                return name;
            }
            return EndpointNames.workerName(label);
        }

        /** Whether consumers took from it and every one of them stopped at an end-of-stream message. */
        public boolean allConsumersStopped() {
            return !consumersStopped.isEmpty() && consumersStopped.size() >= consumersStarted.size();
        }

        /** The first 'message' listener registration at or after {@code index}, or -1. */
        public int firstMessageListenerAfter(int index) {
            return messageListenerAdds.stream().filter(at -> at >= index).findFirst().orElse(-1);
        }
    }
}
