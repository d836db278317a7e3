package dev.courier.tap;

import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.tap.internal.Labels;
import dev.courier.tap.internal.Ledger;
import dev.courier.tap.internal.MessageRef;
import dev.courier.tap.internal.PendingSend;
import dev.courier.tap.internal.Registry;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Records deliveries by hand, for transports no tap wraps: call {@link #recordSent} where a message
 * leaves and {@link #recordDelivered} (or a {@link Taps#consumer consumer tap} with the same label)
 * where it arrives. Messages are identified by a key compared with {@code equals} (an id, or the
 * message itself if it has value equality). All recorders, consumer taps and queue taps naming the
 * same receiver label in one log share what they know, so any of them may close a message another
 * sent.
 *
 * <p>Events: {@code recordSent} records SENT (a key sent before is the same message sent again: it
 * records ENQUEUED with detail "sent again ..." instead); {@code recordDelivered} DELIVERED (a key never
 * sent: an unexpected message without sender; a key delivered again: a duplicate); {@code recordHandled}
 * HANDLED OK or THREW; {@code recordDropped} DROPPED with the given cause.
 *
 * <p>Thread contract: immutable and thread-safe; any thread may record at any time. The sender is the
 * calling thread's name unless fixed with {@link #as(String)}. Never blocks beyond the log's append lock.
 */
public final class Recorder {

    private final Ledger ledger;
    private final String sender;

    private Recorder(Ledger ledger, String sender) {
        this.ledger = ledger;
        this.sender = sender;
    }

    /** A recorder for messages to {@code receiverLabel} in {@code log}. */
    public static Recorder on(DeliveryLog log, String receiverLabel) {
        return new Recorder(Registry.ledger(log, receiverLabel), null);
    }

    /** A recorder for the same receiver whose sends are labelled {@code senderLabel}. */
    public Recorder as(String senderLabel) {
        return new Recorder(ledger, Labels.requireLabel(senderLabel, "sender"));
    }

    /** The receiver label. */
    public String label() {
        return ledger.label();
    }

    /** Records the send of the message identified by {@code key}; returns its message id. */
    public long recordSent(Object key) {
        PendingSend send = ledger.messages().send(key, sender == null ? Labels.currentThread() : sender, null, null, false);
        ledger.recordEnqueued(send, 0);
        return send.message().id();
    }

    /**
     * Records the delivery of the message identified by {@code key}; returns its message id. The calling
     * thread's first delivery records CONSUMER_STARTED: deliveries recorded from several threads are competing
     * consumers, whose recording order is not judged as FIFO.
     */
    public long recordDelivered(Object key) {
        ledger.noteConsumer();
        return ledger.messages().deliver(key, 0).message().id();
    }

    /** Records that the message was handled: OK when {@code errorOrNull} is null, else THREW. */
    public void recordHandled(Object key, Throwable errorOrNull) {
        MessageRef message = ledger.messages().refOf(key);
        ledger.recordHandled(message, errorOrNull, message.sender() == null ? ledger.neverSent() : null);
    }

    /** Records that the message will never be delivered, and why. */
    public void recordDropped(Object key, DropCause cause, String detail) {
        ledger.messages().drop(key, Objects.requireNonNull(cause, "cause"), 0, detail);
    }

    /**
     * Watches a future that should lead to the delivery of the message identified by {@code key} (a
     * {@code CompletableFuture} chain from the production code, the future of a task): when it completes
     * exceptionally, records DROPPED for the message with the exception (unwrapped from
     * {@link CompletionException}) and the detail "the future completed exceptionally: ...", so a
     * message that never arrives because a stage threw is explained by that exception. A normal
     * completion records nothing (the delivery is recorded where it happens). Returns {@code future}
     * itself, so the call can wrap the expression that made it.
     */
    public <F extends CompletionStage<?>> F track(F future, Object key) {
        Objects.requireNonNull(future, "future");
        future.whenComplete((value, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                ledger.messages().fail(key, "the future completed exceptionally: " + cause + "; the message"
                        + " never reached " + ledger.label(), cause);
            }
        });
        return future;
    }

    /** As {@link #recordSent(Object)}, retaining {@code payload} on the SENT event. */
    public long recordSent(Object key, Object payload) {
        ledger.retainPayloads();
        PendingSend send = ledger.messages().send(key, sender == null ? Labels.currentThread() : sender, null, null,
                false, payload);
        ledger.recordEnqueued(send, 0);
        return send.message().id();
    }

    /** As {@link #recordDelivered(Object)}, retaining {@code payload} on the DELIVERED event. */
    public long recordDelivered(Object key, Object payload) {
        ledger.retainPayloads();
        return ledger.messages().deliver(key, 0, payload).message().id();
    }

    @Override
    public String toString() {
        return "Recorder[" + label() + (sender == null ? "" : ", sender " + sender) + "]";
    }
}
