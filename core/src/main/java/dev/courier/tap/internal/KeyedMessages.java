package dev.courier.tap.internal;

import dev.courier.history.DropCause;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messages one receiver ({@link Ledger}) knows by key, for taps that identify messages by key or
 * object identity: a first send of a key records SENT, a later send of it is the same message sent
 * again, a delivery closes the oldest send still in flight, a key never sent is an unexpected message.
 * A null key is a key like any other.
 *
 * <p>Thread contract: any thread. A message's SENT is appended while the key is being registered, so no
 * delivery can find a message before its SENT is in the log. Keys are remembered for the receiver's
 * lifetime so that duplicates are recognised.
 */
public final class KeyedMessages {

    private static final Object NULL_KEY = new Object();

    private final Ledger ledger;
    private final ConcurrentHashMap<Object, TrackedMessage> messages = new ConcurrentHashMap<>();

    KeyedMessages(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * Registers a send of the message identified by {@code key}. The first send of a key records SENT
     * (with {@code note} as detail); a later send of the same key is the same message sent again and
     * records no SENT: its ENQUEUED event, always owed, says so.
     *
     * @param enqueues whether the caller (or the receiver, if first) will record ENQUEUED for a first send
     */
    public PendingSend send(Object key, String sender, Object snapshot, String note, boolean enqueues) {
        return send(key, sender, snapshot, note, enqueues, null);
    }

    /** As {@link #send(Object, String, Object, String, boolean)}; a first send's SENT carries {@code payload}. */
    public PendingSend send(Object key, String sender, Object snapshot, String note, boolean enqueues,
                            Object payload) {
        PendingSend[] first = new PendingSend[1];
        TrackedMessage message = messages.computeIfAbsent(orNullKey(key), k -> {
            TrackedMessage created = new TrackedMessage(ledger.newMessage(sender));
            first[0] = new PendingSend(created.ref(), null, snapshot, null, enqueues);
            created.inFlight().add(first[0]);
            ledger.recordSent(created.ref(), note, payload);
            return created;
        });
        if (first[0] != null) {
            return first[0];
        }
        String again = "sent again with the key of message " + message.ref().id();
        PendingSend resend = new PendingSend(message.ref(), null, snapshot,
                note == null ? again : again + "; " + note, true);
        message.inFlight().add(resend);
        return resend;
    }

    /** Takes back a send the transport refused and records it DROPPED. */
    public void refuse(Object key, PendingSend send, DropCause cause, int depth, String detail, Throwable error) {
        TrackedMessage message = messages.get(orNullKey(key));
        if (message != null) {
            message.inFlight().remove(send);
        }
        ledger.recordRefused(send, cause, depth, detail, error);
    }

    /**
     * Records the delivery of the message identified by {@code key} and returns the send it closes. A key
     * never sent is recorded as an unexpected message (no sender); a key delivered more often than sent
     * is recorded again under its id (a duplicate).
     */
    public PendingSend deliver(Object key, int depthLeft) {
        return deliver(key, depthLeft, null);
    }

    /** As {@link #deliver(Object, int)}; the DELIVERED event carries {@code payload} when retained. */
    public PendingSend deliver(Object key, int depthLeft, Object payload) {
        TrackedMessage message = known(key);
        PendingSend send = message.inFlight().poll();
        String detail = null;
        if (send == null) {
            send = new PendingSend(message.ref(), null, null, null, false);
            detail = message.ref().sender() == null ? ledger.neverSent() : "delivered more often than sent";
        }
        ledger.recordDelivered(send, depthLeft, detail, payload);
        return send;
    }

    /** Records a message identified by key as dropped from this receiver's queue. */
    public void drop(Object key, DropCause cause, int depth, String detail) {
        TrackedMessage message = known(key);
        PendingSend send = message.inFlight().poll();
        ledger.recordDiscarded(send == null ? new PendingSend(message.ref(), null, null, null, false) : send,
                cause, depth, detail);
    }

    /** Records that the message identified by key will never arrive because {@code error} stopped it. */
    public void fail(Object key, String detail, Throwable error) {
        TrackedMessage message = known(key);
        PendingSend send = message.inFlight().poll();
        ledger.recordFailed(send == null ? new PendingSend(message.ref(), null, null, null, false) : send,
                detail, error);
    }

    /** The message known by {@code key}; one never sent becomes an unexpected message with a fresh id. */
    public MessageRef refOf(Object key) {
        return known(key).ref();
    }

    private TrackedMessage known(Object key) {
        Object mapKey = orNullKey(key);
        TrackedMessage message = messages.get(mapKey);
        if (message != null) {
            return message;
        }
        return messages.computeIfAbsent(mapKey, k -> new TrackedMessage(new MessageRef(ledger.log().nextMessageId(), null, 0)));
    }

    private static Object orNullKey(Object key) {
        return key == null ? NULL_KEY : key;
    }
}
