package dev.courier.tap.internal;

import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventDraft;
import dev.courier.history.EventKind;
import dev.courier.history.LiveState;
import dev.courier.history.Outcome;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Everything taps record about one receiving endpoint of one log: per-sender sequence numbers, the
 * messages it knows by key ({@link KeyedMessages}), and counts for its timeout report. Every tap,
 * recorder and consumer that names the same receiver label in the same log shares one ledger
 * ({@link Registry#ledger}), so a send recorded by one is closed by a delivery recorded by another. It
 * is registered as the receiver's {@link LiveState}.
 *
 * <p>Thread contract: every method may be called from any thread; none blocks except briefly on a
 * send's monitor and the log's append lock. Events about one send are appended holding that send's
 * monitor, so its ENQUEUED (whoever records it) precedes its DELIVERED or DROPPED.
 */
public final class Ledger implements LiveState {

    private static final Object NULL_KEY = new Object();

    private static final EventKind[] COUNTED = {EventKind.SENT, EventKind.ENQUEUED, EventKind.DELIVERED,
        EventKind.HANDLED, EventKind.DROPPED, EventKind.MUTATED_IN_FLIGHT};

    private final DeliveryLog log;
    private final String label;
    private final ConcurrentHashMap<String, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final KeyedMessages messages = new KeyedMessages();
    private final Set<Long> consumers = ConcurrentHashMap.newKeySet();
    private final LongAdder[] counts = new LongAdder[EventKind.values().length];
    private volatile Supplier<String> state = () -> "";
    private volatile BooleanSupplier alive = () -> false;
    private volatile boolean retainPayloads;

    Ledger(DeliveryLog log, String label) {
        this.log = log;
        this.label = label;
        for (EventKind kind : COUNTED) {
            counts[kind.ordinal()] = new LongAdder();
        }
    }

    /** Lets the tap that owns this receiver add its own state to reports and say whether it runs. */
    public void describeWith(Supplier<String> ownState, BooleanSupplier isAlive) {
        this.state = Objects.requireNonNull(ownState, "ownState");
        this.alive = Objects.requireNonNull(isAlive, "isAlive");
    }

    /** From now on SENT and DELIVERED events recorded with a payload carry it (the tap's options ask). */
    public void retainPayloads() {
        retainPayloads = true;
    }

    /** Whether this receiver's SENT and DELIVERED events carry their message. */
    public boolean retainsPayloads() {
        return retainPayloads;
    }

    public DeliveryLog log() {
        return log;
    }

    /** The messages this receiver knows by key, shared by every keyed tap of this label. */
    public KeyedMessages messages() {
        return messages;
    }

    /** A fresh message from {@code sender} to this receiver: a new id and the sender's next sequence. */
    public MessageRef newMessage(String sender) {
        long sequence = sequences.computeIfAbsent(sender, s -> new AtomicLong()).incrementAndGet();
        return new MessageRef(log.writer().nextMessageId(), sender, sequence);
    }

    /** Records DROPPED for a send the transport never accepted: no ENQUEUED is owed any more. */
    public void recordRefused(PendingSend send, DropCause cause, int depth, String detail, Throwable error) {
        synchronized (send) {
            send.takeEnqueueObligation();
            recordDropped(send.message(), cause, depth, detail, error);
        }
    }

    /** Detail for events about a message no tap saw being sent. */
    public String neverSent() {
        return "never sent to " + label + " through a tap";
    }

    public void recordSent(MessageRef message, String detail) {
        record(EventKind.SENT, message).detail(detail).append();
    }

    /** Records SENT carrying {@code payload} when this receiver retains payloads. */
    public void recordSent(MessageRef message, String detail, Object payload) {
        record(EventKind.SENT, message).detail(detail).payload(retainPayloads ? payload : null).append();
    }

    /** Records the send's ENQUEUED event unless the receiver already did. */
    public void recordEnqueued(PendingSend send, int depth) {
        synchronized (send) {
            recordOwedEnqueue(send, depth);
        }
    }

    /**
     * Records the send's ENQUEUED event with {@code detail} (instead of the send's note) unless the
     * receiver already did; for a task a rejection policy kept, e.g. run on the caller's thread.
     */
    public void recordEnqueued(PendingSend send, int depth, String detail) {
        synchronized (send) {
            if (send.takeEnqueueObligation()) {
                record(EventKind.ENQUEUED, send.message()).number(depth).detail(detail).append();
            }
        }
    }

    /**
     * As {@link #recordRefused}, but only while the send is still open (no ENQUEUED, DELIVERED or DROPPED
     * recorded for it yet): a rejection a {@link RejectionRecorder} already recorded is not recorded twice.
     */
    public void recordRefusedIfOpen(PendingSend send, DropCause cause, int depth, String detail, Throwable error) {
        synchronized (send) {
            if (send.takeEnqueueObligation()) {
                recordDropped(send.message(), cause, depth, detail, error);
            }
        }
    }

    /** Records DELIVERED, preceded by the send's ENQUEUED when the sender has not recorded it yet. */
    public void recordDelivered(PendingSend send, int depthLeft, String detail) {
        recordDelivered(send, depthLeft, detail, null);
    }

    /** As {@link #recordDelivered(PendingSend, int, String)}, carrying {@code payload} when retained. */
    public void recordDelivered(PendingSend send, int depthLeft, String detail, Object payload) {
        synchronized (send) {
            recordOwedEnqueue(send, depthLeft + 1);
            record(EventKind.DELIVERED, send.message()).number(depthLeft).detail(detail)
                    .payload(retainPayloads ? payload : null).append();
        }
    }

    /** Records DROPPED for a send that was queued, preceded by its ENQUEUED if nobody recorded it yet. */
    public void recordDiscarded(PendingSend send, DropCause cause, int depth, String detail) {
        synchronized (send) {
            recordOwedEnqueue(send, depth + 1);
            recordDropped(send.message(), cause, depth, detail, null);
        }
    }

    /**
     * Records DROPPED with no drop cause but the exception that stopped the message (a stage that threw,
     * a future completed exceptionally), preceded by its ENQUEUED if nobody recorded it yet.
     */
    public void recordFailed(PendingSend send, String detail, Throwable error) {
        synchronized (send) {
            recordOwedEnqueue(send, 1);
            recordDropped(send.message(), null, 0, detail, error);
        }
    }

    // Called holding the send's monitor: the sender has not recorded ENQUEUED yet, so record it first.
    private void recordOwedEnqueue(PendingSend send, int depth) {
        if (send.takeEnqueueObligation()) {
            record(EventKind.ENQUEUED, send.message()).number(depth).detail(send.note()).append();
        }
    }

    /** Records a lifecycle event (WORKER_ERROR, WORKER_EXIT) about this endpoint. */
    /**
     * Notes that the calling thread consumes from this endpoint; its first time records CONSUMER_STARTED
     * (before the delivery it precedes), so checkers know when several threads compete for one queue.
     */
    public void noteConsumer() {
        Thread current = Thread.currentThread();
        if (consumers.add(current.getId())) {
            log.writer().record(EventKind.CONSUMER_STARTED).about(label).number(consumers.size()).detail(current.getName())
                    .append();
        }
    }

    /** The calling consumer took the end-of-stream message and stops, leaving {@code depth} messages queued. */
    public void recordConsumerStopped(int depth) {
        log.writer().record(EventKind.CONSUMER_STOPPED).about(label).number(depth).detail(Thread.currentThread().getName())
                .append();
    }

    public void recordAbout(EventKind kind, int number, String detail, Throwable error) {
        log.writer().record(kind).about(label).number(number).detail(detail).error(error).append();
    }

    /** Runs a delivered message's handler, then records HANDLED OK, or THREW and rethrows what it threw. */
    public void runHandler(PendingSend send, Runnable handler) {
        Throwable failure = null;
        try {
            handler.run();
        } catch (Throwable thrown) {
            failure = thrown;
            throw thrown;
        } finally {
            recordHandled(send.message(), failure, null);
        }
    }

    public void recordHandled(MessageRef message, Throwable error, String detail) {
        record(EventKind.HANDLED, message).outcome(error == null ? Outcome.OK : Outcome.THREW)
                .error(error).detail(detail).append();
    }

    public void recordDropped(MessageRef message, DropCause cause, int depth, String detail, Throwable error) {
        record(EventKind.DROPPED, message).cause(cause).number(depth).detail(detail).error(error).append();
    }

    public void recordMutated(MessageRef message, String differences) {
        record(EventKind.MUTATED_IN_FLIGHT, message).detail(differences).append();
    }

    public void recordMessageError(MessageRef message, String detail, Throwable error) {
        record(EventKind.MESSAGE_ERROR, message).outcome(Outcome.UNHANDLED).detail(detail).error(error).append();
    }

    private EventDraft record(EventKind kind, MessageRef message) {
        LongAdder count = counts[kind.ordinal()];
        if (count != null) {
            count.increment();
        }
        return log.writer().record(kind).message(message.id(), message.sequence()).between(message.sender(), label);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String describe() {
        StringBuilder text = new StringBuilder(label).append(':');
        for (EventKind kind : COUNTED) {
            text.append(' ').append(kind.name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(counts[kind.ordinal()].sum()).append(',');
        }
        text.setLength(text.length() - 1);
        String own = state.get();
        return own.isEmpty() ? text.toString() : text.append("; ").append(own).toString();
    }

    @Override
    public boolean isAlive() {
        return alive.getAsBoolean();
    }

    /**
     * The messages this receiver knows by key, for taps that identify messages by key or
     * object identity: a first send of a key records SENT, a later send of it is the same message sent
     * again, a delivery closes the oldest send still in flight, a key never sent is an unexpected message.
     * A null key is a key like any other.
     *
     * <p>Thread contract: any thread. A message's SENT is appended while the key is being registered, so no
     * delivery can find a message before its SENT is in the log. Keys are remembered for the receiver's
     * lifetime so that duplicates are recognised.
     */
    public final class KeyedMessages {

        private final ConcurrentHashMap<Object, TrackedMessage> messages = new ConcurrentHashMap<>();

        private KeyedMessages() {
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
                TrackedMessage created = new TrackedMessage(newMessage(sender));
                first[0] = new PendingSend(created.ref(), null, snapshot, null, enqueues);
                created.inFlight().add(first[0]);
                recordSent(created.ref(), note, payload);
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
            recordRefused(send, cause, depth, detail, error);
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
                detail = message.ref().sender() == null ? neverSent() : "delivered more often than sent";
            }
            recordDelivered(send, depthLeft, detail, payload);
            return send;
        }

        /** Records a message identified by key as dropped from this receiver's queue. */
        public void drop(Object key, DropCause cause, int depth, String detail) {
            TrackedMessage message = known(key);
            PendingSend send = message.inFlight().poll();
            recordDiscarded(send == null ? new PendingSend(message.ref(), null, null, null, false) : send,
                    cause, depth, detail);
        }

        /** Records that the message identified by key will never arrive because {@code error} stopped it. */
        public void fail(Object key, String detail, Throwable error) {
            TrackedMessage message = known(key);
            PendingSend send = message.inFlight().poll();
            recordFailed(send == null ? new PendingSend(message.ref(), null, null, null, false) : send,
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
            return messages.computeIfAbsent(mapKey, k -> new TrackedMessage(new MessageRef(log.writer().nextMessageId(), null, 0)));
        }

        private Object orNullKey(Object key) {
            return key == null ? NULL_KEY : key;
        }
    }
}
