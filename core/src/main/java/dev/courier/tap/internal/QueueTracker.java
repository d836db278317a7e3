package dev.courier.tap.internal;

import dev.courier.history.DropCause;
import dev.courier.history.PayloadComparator;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The recording behind a queue tap: identifies messages, takes snapshots, and turns each queue call's
 * result into events in the queue's {@link Ledger}.
 *
 * <p>Thread contract: shared by all views of one tap and called from any producer or consumer thread;
 * stateless apart from the thread-safe ledger. Never blocks except on the log's append lock.
 */
public final class QueueTracker {

    private final Queue<?> queue;
    private final Ledger ledger;
    private final Function<Object, ?> keys;
    private final boolean snapshots;
    private final PayloadComparator comparator;
    private final Predicate<Object> endOfStream;

    /**
     * @param keys        key extractor, or null for object identity
     * @param comparator  snapshot comparator, or null for {@link PayloadComparator#fidelity()}
     * @param endOfStream recognises control messages, which are not recorded as messages, or null
     */
    public QueueTracker(Queue<?> queue, Ledger ledger, Function<Object, ?> keys, boolean snapshots,
                        PayloadComparator comparator, Predicate<Object> endOfStream) {
        this.queue = queue;
        this.ledger = ledger;
        this.keys = keys;
        this.snapshots = snapshots;
        this.comparator = comparator == null ? PayloadComparator.fidelity() : comparator;
        this.endOfStream = endOfStream;
        ledger.describeWith(this::state, () -> false);
    }

    public String label() {
        return ledger.label();
    }

    /**
     * Records SENT (or notes a resend) before the message is handed to the queue; returns null, recording
     * nothing, for a control message.
     */
    public PendingSend send(Object message, String sender) {
        Objects.requireNonNull(message, () -> "null message offered to " + label());
        if (isControl(message)) {
            return null;
        }
        Object key = sendKey(message);
        if (!snapshots) {
            return ledger.messages().send(key, sender, null, null, true, message);
        }
        SendSnapshots.Snapshot snapshot = SendSnapshots.take(message);
        return ledger.messages().send(key, sender, snapshot.copy(), snapshot.failure(), true, message);
    }

    /**
     * One insert call on the wrapped queue: whether it took the message. Given the queue and the message, so that a
     * method reference such as {@code Queue::offer} captures nothing and costs no allocation per call.
     *
     * @param <Q> the wrapped queue's type
     * @param <T> the message type
     */
    @FunctionalInterface
    public interface Insert<Q, T> {
        boolean run(Q queue, T message) throws InterruptedException;
    }

    /**
     * Runs one insert with its recording: SENT before the call, then ENQUEUED once accepted, DROPPED OVERFLOW
     * ("capacity ..., {@code refusal}") when refused or interrupted, or the failure when the queue threw.
     *
     * @param sender the sender's label, or null for the calling thread's name
     */
    public <Q, T> boolean insert(Q into, T message, String sender, Insert<? super Q, ? super T> how, String refusal)
            throws InterruptedException {
        PendingSend send = send(message, sender == null ? Labels.currentThread() : sender);
        boolean accepted;
        try {
            accepted = how.run(into, message);
        } catch (InterruptedException e) {
            refused(message, send, refusal);
            throw e;
        } catch (RuntimeException e) {
            failed(message, send, e);
            throw e;
        }
        if (accepted) {
            accepted(send);
        } else {
            refused(message, send, refusal);
        }
        return accepted;
    }

    /** {@link #insert} for a call that cannot block. */
    public <Q, T> boolean insertNow(Q into, T message, String sender, Insert<? super Q, ? super T> how,
                                    String refusal) {
        try {
            return insert(into, message, sender, how, refusal);
        } catch (InterruptedException impossible) {
            throw new IllegalStateException("a non-blocking insert was interrupted", impossible);
        }
    }

    /** Records DELIVERED (depth left) for a message just taken off the queue; null (nothing taken) records nothing. */
    public <T> T taken(T message) {
        if (message != null) {
            delivered(message, queue.size());
        }
        return message;
    }

    /** Removes {@code message} from the queue, recording DROPPED TERMINATED "removed by remove(Object)" if it was there. */
    public boolean remove(Object message) {
        boolean removed = queue.remove(message);
        if (removed) {
            discarded(message, queue.size(), "removed by remove(Object)");
        }
        return removed;
    }

    /** The queue accepted the message. */
    private void accepted(PendingSend send) {
        if (send == null) {
            return;
        }
        ledger.recordEnqueued(send, queue.size());
    }

    /** The queue refused the message; {@code how} completes the detail, e.g. "offer refused". */
    private void refused(Object message, PendingSend send, String how) {
        if (send == null) {
            return;
        }
        ledger.messages().refuse(sendKey(message), send, DropCause.OVERFLOW, queue.size(), capacity() + ", " + how, null);
    }

    /** The queue threw instead of accepting; a full queue is an overflow, anything else has no cause. */
    private void failed(Object message, PendingSend send, RuntimeException error) {
        if (send == null) {
            return;
        }
        DropCause cause = error instanceof IllegalStateException ? DropCause.OVERFLOW : null;
        String detail = cause == null ? "the queue threw " + error : capacity() + ", add refused";
        ledger.messages().refuse(sendKey(message), send, cause, queue.size(), detail, error);
    }

    /**
     * Records DELIVERED for a message taken off the queue, then checks its snapshot; a control message
     * records that its consumer stopped instead. The consumer's first take records CONSUMER_STARTED.
     */
    public void delivered(Object message, int depthLeft) {
        ledger.noteConsumer();
        if (isControl(message)) {
            ledger.recordConsumerStopped(depthLeft);
            return;
        }
        PendingSend send = ledger.messages().deliver(receiveKey(message), depthLeft, message);
        if (send.snapshot() == null) {
            return;
        }
        try {
            List<String> differences = comparator.compare(send.snapshot(), message);
            if (differences != null && !differences.isEmpty()) {
                ledger.recordMutated(send.message(), String.join("; ", differences));
            }
        } catch (RuntimeException e) {
            // The consumer already holds the message: report the broken comparison, never throw it.
            ledger.recordMessageError(send.message(), "snapshot comparison failed: " + e, e);
        }
    }

    /** A message removed from the queue without being delivered (clear, remove(Object), iterator). */
    public void discarded(Object message, int depth, String how) {
        if (isControl(message)) {
            return;
        }
        ledger.messages().drop(receiveKey(message), DropCause.TERMINATED, depth, how);
    }

    /** The consumer reports it finished handling a delivered message; {@code error} null means OK. */
    public void handled(Object message, Throwable error) {
        if (isControl(message)) {
            return;
        }
        MessageRef ref = ledger.messages().refOf(receiveKey(message));
        ledger.recordHandled(ref, error, ref.sender() == null ? ledger.neverSent() : null);
    }

    // A failing predicate must not break the queue: the message is then treated as an ordinary one.
    private boolean isControl(Object message) {
        if (endOfStream == null) {
            return false;
        }
        try {
            return endOfStream.test(message);
        } catch (RuntimeException e) {
            return false;
        }
    }

    public int depth() {
        return queue.size();
    }

    private Object sendKey(Object message) {
        if (keys == null) {
            return new IdentityKey(message);
        }
        Object key = keys.apply(message);
        if (key == null) {
            throw new IllegalArgumentException("the key extractor of " + label() + " returned null for " + message);
        }
        return key;
    }

    // After a take the message must reach the caller, so a failing extractor falls back to identity.
    private Object receiveKey(Object message) {
        try {
            return sendKey(message);
        } catch (RuntimeException e) {
            return new IdentityKey(message);
        }
    }

    // A non-blocking queue does not say how much it holds at most.
    private int remainingCapacity() {
        return queue instanceof BlockingQueue<?> blocking ? blocking.remainingCapacity() : Integer.MAX_VALUE;
    }

    private String capacity() {
        if (!(queue instanceof BlockingQueue<?>)) {
            return "capacity not reported by " + queue.getClass().getSimpleName() + ", depth " + queue.size();
        }
        int remaining = remainingCapacity();
        return remaining == Integer.MAX_VALUE ? "capacity unbounded"
                : "capacity " + ((long) remaining + queue.size());
    }

    private String state() {
        int remaining = remainingCapacity();
        return "queue size " + queue.size() + ", remaining capacity "
                + (remaining == Integer.MAX_VALUE ? "unbounded" : String.valueOf(remaining));
    }
}
