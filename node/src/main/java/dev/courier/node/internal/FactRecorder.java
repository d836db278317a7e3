package dev.courier.node.internal;

import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EndpointNames;
import dev.courier.history.EventDraft;
import dev.courier.history.EventKind;
import dev.courier.history.Outcome;
import dev.courier.node.NodeError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Records a Node.js program's facts into a {@link DeliveryLog}, in the program's total order, with the same event
 * shapes Courier's own runtime records (endpoints {@code main}, {@code <worker name>#<threadId>},
 * {@code channel-<n>.port1}), and infers the losses Node does not report: a message still undelivered when its
 * receiver's worker exits is DROPPED TERMINATED (after {@code terminate()}) or WORKER_EXITED; one posted to a worker
 * that had exited is DROPPED PORT_CLOSED; what is undelivered when the process ends is DROPPED WORKER_EXITED.
 *
 * <p>Thread contract: {@link #accept} and {@link #finish} are called by the one thread reading the program's fact
 * lines; {@link #describe} and the accessors may be called from any thread (all methods are synchronized, none
 * blocks beyond the log's append lock).
 */
public final class FactRecorder {

    private static final int LISTED_IDS = 10;

    /** One message the program sent, until it is delivered or dropped. */
    private static final class Message {
        final long id;
        final long sequence;
        final String from;
        final String to;

        Message(long id, long sequence, String from, String to) {
            this.id = id;
            this.sequence = sequence;
            this.from = from;
            this.to = to;
        }
    }

    private final DeliveryLog log;
    private final FactOrder order = new FactOrder(this::record);
    private final Map<String, Fact> pendingSends = new HashMap<>();
    private final Map<Long, Message> messages = new HashMap<>();
    private final Map<String, LinkedHashMap<Long, Message>> inFlight = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, String> owners = new HashMap<>();
    private final Map<String, String> alive = new LinkedHashMap<>();
    private final Set<String> exited = new HashSet<>();
    private final Set<String> terminating = new HashSet<>();
    private final Map<String, Integer> listeners = new TreeMap<>();
    private NodeError mainError;
    private String version;
    private int processExit = -1;
    private long facts;

    public FactRecorder(DeliveryLog log) {
        this.log = log;
    }

    /** Takes one fact (in any order); it is recorded once every earlier fact has been. */
    public synchronized void accept(Fact fact) {
        order.accept(fact);
    }

    /** The process ended: records what was held back and the losses that follow from the end. */
    public synchronized void finish(int exitCode) {
        order.flush();
        List.copyOf(pendingSends.values()).forEach(this::sent);
        pendingSends.clear();
        int code = processExit >= 0 ? processExit : exitCode;
        for (String worker : List.copyOf(alive.keySet())) {
            // node ended with the worker still running (process.exit() in main, or the program was killed)
            alive.remove(worker);
            exited.add(worker);
            log.writer().record(EventKind.WORKER_EXIT).about(worker).number(code).append();
            dropQueued(worker, DropCause.WORKER_EXITED, "node exited (code " + code + ") while `" + worker
                    + "` was running");
        }
        for (String receiver : List.copyOf(inFlight.keySet())) {
            dropQueued(receiver, DropCause.WORKER_EXITED, "node exited (code " + code + ") before `" + receiver
                    + "` received it");
        }
    }

    // A thread's SENT waits for its next fact: CLONE_FAILED of the same message means postMessage threw; anything
    // else (or a delivery of the message, or the end) means it went out.
    private void record(Fact fact) {
        Fact pending = pendingSends.remove(fact.thread());
        if (pending != null) {
            if ("CLONE_FAILED".equals(fact.kind()) && fact.number("id", -1) == pending.number("id", -2)) {
                facts++;
                cloneFailed(fact);
                return;
            }
            sent(pending);
        }
        if ("DELIVERED".equals(fact.kind()) || "DROPPED".equals(fact.kind())) {
            long id = fact.number("id", -1);
            pendingSends.values().stream().filter(send -> send.number("id", -2) == id).findFirst()
                    .ifPresent(send -> {
                        pendingSends.remove(send.thread());
                        sent(send);
                    });
        }
        if ("SENT".equals(fact.kind())) {
            pendingSends.put(fact.thread(), fact);
            return;
        }
        if ("EXIT".equals(fact.kind())) {
            Fact last = pendingSends.remove(fact.text("about"));
            if (last != null) {
                sent(last);
            }
        }
        facts++;
        switch (fact.kind()) {
            case "HELLO" -> version = fact.text("version");
            case "ONLINE" -> online(fact);
            case "CLONE_FAILED" -> cloneFailed(fact);
            case "DELIVERED" -> delivered(fact);
            case "HANDLED" -> handled(fact);
            case "DROPPED" -> dropped(fact);
            case "MESSAGE_ERROR" -> messageError(fact);
            case "ERROR" -> log.writer().record(EventKind.WORKER_ERROR).about(fact.text("about")).detail("script")
                    .error(fact.error("err")).append();
            case "EXIT" -> exit(fact.text("about"), (int) fact.number("code", -1));
            case "TERMINATE" -> terminating.add(fact.text("about"));
            case "LISTENER_ADDED", "LISTENER_REMOVED" -> listener(fact);
            case "PORT_MOVED" -> {
                owners.put(fact.text("port"), fact.text("owner"));
                log.writer().record(EventKind.PORT_TRANSFERRED).about(fact.text("port")).detail(fact.text("owner")).append();
            }
            case "MAIN_ERROR" -> {
                mainError = fact.error("err");
                log.writer().record(EventKind.WORKER_ERROR).about(EndpointNames.MAIN).detail("main thread").error(mainError).append();
            }
            case "PROCESS_EXIT" -> processExit = (int) fact.number("code", -1);
            default -> facts--; // a newer instrumentation's fact: nothing to record
        }
    }

    private void online(Fact fact) {
        String label = fact.text("about");
        alive.put(label, fact.text("name"));
        log.writer().record(EventKind.WORKER_ONLINE).about(label).detail(fact.text("name")).append();
    }

    private void sent(Fact fact) {
        facts++;
        String from = fact.text("from");
        String to = fact.text("to");
        owners.putIfAbsent(from, fact.thread());
        long sequence = sequences.merge(from, 1L, Long::sum);
        Message message = new Message(log.writer().nextMessageId(), sequence, from, to);
        List<String> ports = fact.texts("ports");
        draft(EventKind.SENT, message).detail(ports.isEmpty() ? null : "transfers " + String.join(", ", ports)).append();
        if (exited.contains(ownerOf(to))) {
            draft(EventKind.DROPPED, message).cause(DropCause.PORT_CLOSED)
                    .detail("posted after `" + ownerOf(to) + "` had exited").append();
            return;
        }
        messages.put(fact.number("id", 0), message);
        LinkedHashMap<Long, Message> queue = inFlight.computeIfAbsent(to, key -> new LinkedHashMap<>());
        queue.put(message.id, message);
        draft(EventKind.ENQUEUED, message).number(queue.size()).append();
    }

    // Detail in the runtime's CLONE_FAILED shape, "path <path>: <class>: <problem>", so the checkers read it alike.
    private void cloneFailed(Fact fact) {
        NodeError error = fact.error("err");
        String path = fact.text("path") == null ? "$" : fact.text("path");
        String valueClass = fact.text("cls") == null ? "-" : fact.text("cls");
        String problem = (error == null ? "DataCloneError" : error.toString())
                + (error == null || error.where().isEmpty() ? "" : " (postMessage at " + error.where() + ")");
        log.writer().record(EventKind.CLONE_FAILED).message(log.writer().nextMessageId(), 0).between(fact.text("from"), fact.text("to"))
                .detail("path " + path + ": " + valueClass + ": " + problem).error(error).append();
    }

    private void delivered(Fact fact) {
        Message message = messages.get(fact.number("id", 0));
        if (message == null) {
            return;
        }
        owners.putIfAbsent(message.to, fact.thread());
        draft(EventKind.DELIVERED, message).number(settle(message)).append();
    }

    private void handled(Fact fact) {
        Message message = messages.remove(fact.number("id", 0));
        if (message == null) {
            return;
        }
        boolean ok = fact.flag("ok", true);
        draft(EventKind.HANDLED, message).outcome(ok ? Outcome.OK : Outcome.THREW).error(ok ? null : fact.error("err"))
                .append();
    }

    private void dropped(Fact fact) {
        Message message = messages.remove(fact.number("id", 0));
        if (message == null) {
            return;
        }
        int depth = settle(message);
        draft(EventKind.DROPPED, message).cause(DropCause.valueOf(fact.text("cause"))).number(depth)
                .detail("'message' emitted on the Worker while `" + message.to + "` had no listener").append();
    }

    // A message that could not be deserialized carries no id: it is the oldest one in flight on that path.
    private void messageError(Fact fact) {
        String at = fact.text("at");
        String from = fact.text("from");
        LinkedHashMap<Long, Message> queue = inFlight.get(at);
        Message message = queue == null ? null
                : queue.values().stream().filter(m -> m.from.equals(from)).findFirst().orElse(null);
        NodeError error = fact.error("err");
        Outcome outcome = fact.flag("handled", false) ? Outcome.HANDLED : Outcome.UNHANDLED;
        if (message == null) {
            log.writer().record(EventKind.MESSAGE_ERROR).between(from, at).outcome(outcome).error(error)
                    .detail(String.valueOf(error)).append();
            return;
        }
        messages.values().remove(message);
        draft(EventKind.DELIVERED, message).number(settle(message)).append();
        draft(EventKind.MESSAGE_ERROR, message).outcome(outcome).error(error).detail(String.valueOf(error)).append();
    }

    private void exit(String worker, int code) {
        alive.remove(worker);
        exited.add(worker);
        log.writer().record(EventKind.WORKER_EXIT).about(worker).number(code).append();
        boolean terminated = terminating.contains(worker);
        dropQueued(worker, terminated ? DropCause.TERMINATED : DropCause.WORKER_EXITED,
                terminated ? "terminate() was called on `" + worker + "`" : "`" + worker + "` exited with code " + code);
    }

    private void listener(Fact fact) {
        String about = fact.text("about");
        String type = fact.text("type");
        int count = (int) fact.number("n", 0);
        owners.putIfAbsent(about, fact.thread());
        listeners.put(about + " '" + type + "'", count);
        EventKind kind = "LISTENER_ADDED".equals(fact.kind()) ? EventKind.LISTENER_ADDED : EventKind.LISTENER_REMOVED;
        log.writer().record(kind).about(about).detail(type).number(count).append();
    }

    // Everything in flight to an endpoint owned by {@code owner} (the worker itself, or ports it holds).
    private void dropQueued(String owner, DropCause cause, String detail) {
        for (Map.Entry<String, LinkedHashMap<Long, Message>> entry : List.copyOf(inFlight.entrySet())) {
            if (!ownerOf(entry.getKey()).equals(owner) && !entry.getKey().equals(owner)) {
                continue;
            }
            for (Message message : List.copyOf(entry.getValue().values())) {
                messages.values().remove(message);
                draft(EventKind.DROPPED, message).cause(cause).number(settle(message)).detail(detail).append();
            }
        }
    }

    private int settle(Message message) {
        LinkedHashMap<Long, Message> queue = inFlight.get(message.to);
        if (queue == null) {
            return 0;
        }
        queue.remove(message.id);
        if (queue.isEmpty()) {
            inFlight.remove(message.to);
            return 0;
        }
        return queue.size();
    }

    private String ownerOf(String endpoint) {
        return owners.getOrDefault(endpoint, endpoint);
    }

    private EventDraft draft(EventKind kind, Message message) {
        return log.writer().record(kind).message(message.id, message.sequence).between(message.from, message.to);
    }

    /** The main thread's uncaught error, or null. */
    public synchronized NodeError mainError() {
        return mainError;
    }

    /** The Node.js version the program reported, or null before its first fact. */
    public synchronized String version() {
        return version;
    }

    /** The program's state as recorded so far: workers, messages in flight, listener counts. */
    public synchronized String describe() {
        List<String> lines = new ArrayList<>();
        lines.add(facts + " facts recorded" + (order.heldCount() > 0 ? ", " + order.heldCount() + " held back" : ""));
        lines.add("workers running: " + (alive.isEmpty() ? "none" : String.join(", ", alive.keySet()))
                + (exited.isEmpty() ? "" : "; exited: " + String.join(", ", exited.stream().sorted().toList())));
        if (inFlight.isEmpty()) {
            lines.add("messages in flight: none");
        }
        inFlight.forEach((receiver, queue) -> lines.add("in flight to `" + receiver + "`: " + queue.size()
                + " (ids " + queue.keySet().stream().limit(LISTED_IDS).map(String::valueOf).toList()
                + (queue.size() > LISTED_IDS ? " ..." : "") + ")"));
        listeners.forEach((where, count) -> lines.add("listeners on " + where + ": " + count));
        return String.join("\n", lines);
    }
}
