package dev.courier.worker.internal;

import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import dev.courier.worker.MessageErrorEvent;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A port's message and messageerror listeners, recording LISTENER_ADDED / LISTENER_REMOVED about the
 * port's label as they come and go. A message listener is kept as the user's listener (its identity, for
 * removal and state reports) and the call that hands it an {@link Arrival}.
 *
 * <p>Thread contract: any thread, never blocks beyond the log's lock. The lists are copy-on-write, so the
 * delivering loop iterates a stable snapshot while listeners are added or removed.
 */
public final class PortListeners {

    /** A registered message listener: the user's {@code listener} and how to call it with an arrival. */
    record MessageListener(Object listener, Consumer<Arrival> call) {
    }

    private final String label;
    private final DeliveryLog log;
    private final CopyOnWriteArrayList<MessageListener> messages = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<MessageErrorEvent>> errors = new CopyOnWriteArrayList<>();

    PortListeners(String label, DeliveryLog log) {
        this.label = label;
        this.log = log;
    }

    /** The message listeners, live (for delivery). */
    List<MessageListener> messages() {
        return messages;
    }

    /** The messageerror listeners, live (for delivery). */
    List<Consumer<MessageErrorEvent>> errors() {
        return errors;
    }

    void addMessage(Object listener, Consumer<Arrival> call) {
        messages.add(new MessageListener(Objects.requireNonNull(listener, "listener"), call));
        record(EventKind.LISTENER_ADDED, "message", messages.size());
    }

    boolean removeMessage(Object listener) {
        for (MessageListener registered : messages) {
            if (registered.listener().equals(listener) && messages.remove(registered)) {
                record(EventKind.LISTENER_REMOVED, "message", messages.size());
                return true;
            }
        }
        return false;
    }

    void addError(Consumer<MessageErrorEvent> listener) {
        errors.add(Objects.requireNonNull(listener, "listener"));
        record(EventKind.LISTENER_ADDED, "messageerror", errors.size());
    }

    boolean removeError(Consumer<MessageErrorEvent> listener) {
        boolean removed = errors.remove(listener);
        if (removed) {
            record(EventKind.LISTENER_REMOVED, "messageerror", errors.size());
        }
        return removed;
    }

    /** The port moves to another loop: listeners stay behind, as in Node (only message listeners are recorded). */
    void clearForTransfer() {
        if (!messages.isEmpty()) {
            messages.clear();
            record(EventKind.LISTENER_REMOVED, "message", 0);
        }
        errors.clear();
    }

    boolean hasMessageListeners() {
        return !messages.isEmpty();
    }

    int messageCount() {
        return messages.size();
    }

    int errorCount() {
        return errors.size();
    }

    private void record(EventKind kind, String type, int count) {
        log.writer().record(kind).about(label).detail(type).listenerCount(count).append();
    }
}
