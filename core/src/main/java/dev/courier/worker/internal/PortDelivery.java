package dev.courier.worker.internal;

import dev.courier.clone.Difference;
import dev.courier.clone.Snapshot;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventDraft;
import dev.courier.history.EventKind;
import dev.courier.history.Outcome;
import dev.courier.worker.MessageErrorEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * Delivers one queued message of a port: decode (S3), listeners, and the DELIVERED / HANDLED /
 * MESSAGE_ERROR / DROPPED (NO_LISTENER) records, plus MUTATED_IN_FLIGHT when the message carries a
 * snapshot taken at send and the shared payload no longer matches it. A listener's exception is recorded
 * (HANDLED THREW) and, on a worker's loop, rethrown to crash the worker (S7); on a dispatcher the other
 * listeners still run.
 *
 * <p>Thread contract: called only on the port owner's loop thread, one message at a time.
 */
final class PortDelivery {

    private static final int LISTED_MUTATIONS = 20;

    private final String label;
    private final PortSettings settings;
    private final DeliveryLog log;
    private final Inbox inbox;
    private final InboxRecorder endpoints;
    private final List<PortListeners.MessageListener> listeners;
    private final List<Consumer<MessageErrorEvent>> errorListeners;

    PortDelivery(String label, PortSettings settings, Inbox inbox, PortListeners listeners) {
        this.label = label;
        this.settings = settings;
        this.log = settings.log();
        this.inbox = inbox;
        this.endpoints = inbox.recorder();
        this.listeners = listeners.messages();
        this.errorListeners = listeners.errors();
    }

    void dispatchOne(Loop loop) {
        Envelope message = inbox.poll();
        if (message == null) {
            return;
        }
        try {
            deliver(message, loop);
        } finally {
            inbox.settle();
        }
    }

    private void deliver(Envelope message, Loop loop) {
        String sender = endpoints.sender();
        if (listeners.isEmpty()) {
            log.writer().record(EventKind.DROPPED).message(message.messageId(), message.sequence()).between(sender, label)
                    .cause(DropCause.NO_LISTENER).queueDepth(message.depthAfterPoll()).append();
            return;
        }
        Object value;
        try {
            value = settings.codec().decode(message.wire());
        } catch (Exception failure) {
            // MESSAGE_ERROR before DELIVERED: no reader may see the message delivered before it is known undecoded.
            boolean handled = !errorListeners.isEmpty();
            record(EventKind.MESSAGE_ERROR, message).outcome(handled ? Outcome.HANDLED : Outcome.UNHANDLED)
                    .error(failure).detail(String.valueOf(failure)).append();
            record(EventKind.DELIVERED, message).queueDepth(message.depthAfterPoll()).append();
            checkMutation(message);
            messageError(message, failure, loop);
            return;
        }
        if (settings.retainPayloads()) {
            record(EventKind.DELIVERED, message).queueDepth(message.depthAfterPoll()).payload(value).append();
        } else {
            log.writer().appendMessageEvent(EventKind.DELIVERED, message.messageId(), message.sequence(), endpoints.senderId(),
                    endpoints.receiverId(), message.depthAfterPoll(), Outcome.NONE);
        }
        checkMutation(message);
        Arrival arrival = new Arrival(value, message.messageId(), sender, label, message.sequence(),
                message.sentAtNanos(), message.ports());
        Throwable failure = null;
        for (PortListeners.MessageListener listener : listeners) {
            loop.activity(new ListenerActivity("message", listener.listener(), message.messageId(), sender, label));
            try {
                listener.call().accept(arrival);
            } catch (ExitSignal exit) {
                record(EventKind.HANDLED, message).outcome(Outcome.OK).append();
                throw exit;
            } catch (Throwable thrown) {
                failure = failure == null ? thrown : failure;
                if (loop.crashesOnListenerError()) {
                    break;
                }
            }
        }
        if (failure == null) {
            log.writer().appendMessageEvent(EventKind.HANDLED, message.messageId(), message.sequence(), endpoints.senderId(),
                    endpoints.receiverId(), 0, Outcome.OK);
        } else {
            record(EventKind.HANDLED, message).outcome(Outcome.THREW).error(failure).append();
        }
        if (failure != null && loop.crashesOnListenerError()) {
            throw new ListenerFailure("message listener", failure);
        }
    }

    // Before any listener runs, so the receiver's own changes are never reported as the sender's.
    private void checkMutation(Envelope message) {
        Snapshot snapshot = message.snapshot();
        if (snapshot == null) {
            return;
        }
        List<Difference> mutations;
        try {
            mutations = snapshot.mutations();
        } catch (RuntimeException failure) {
            // Typically a collection changing under the comparison: the sender is mutating it right now.
            record(EventKind.MUTATED_IN_FLIGHT, message).error(failure)
                    .detail("the payload could not be compared with its snapshot at send: " + failure).append();
            return;
        }
        if (!mutations.isEmpty()) {
            record(EventKind.MUTATED_IN_FLIGHT, message).detail(Texts.differences(mutations, LISTED_MUTATIONS))
                    .append();
        }
    }

    private void messageError(Envelope message, Exception failure, Loop loop) {
        MessageErrorEvent event = new MessageErrorEvent(failure, message.messageId(), endpoints.sender());
        for (Consumer<MessageErrorEvent> listener : errorListeners) {
            loop.activity(new ListenerActivity("messageerror", listener, message.messageId(), null, null));
            try {
                listener.accept(event);
            } catch (ExitSignal exit) {
                throw exit;
            } catch (Throwable thrown) {
                if (loop.crashesOnListenerError()) {
                    throw new ListenerFailure("messageerror listener", thrown);
                }
                log.writer().record(EventKind.HANDLED).message(message.messageId(), message.sequence())
                        .between(endpoints.sender(), label).outcome(Outcome.THREW).error(thrown)
                        .detail("messageerror listener").append();
            }
        }
    }

    private EventDraft record(EventKind kind, Envelope message) {
        return log.writer().record(kind).message(message.messageId(), message.sequence())
                .between(endpoints.sender(), label);
    }
}
