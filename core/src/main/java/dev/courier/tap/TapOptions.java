package dev.courier.tap;

import dev.courier.history.PayloadComparator;
import dev.courier.tap.internal.Labels;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How a {@link QueueTap} names its queue, labels senders, identifies messages and checks them for
 * mutation in flight. Immutable: every option method returns a new instance, so one instance can be
 * shared between threads and taps.
 *
 * <pre>{@code
 * TapOptions<Job> options = TapOptions.defaults().name("jobs").keyedBy(Job::id).snapshotAtSend(true);
 * QueueTap<Job> jobs = Taps.queue(new ArrayBlockingQueue<>(64), log, options);
 * }</pre>
 *
 * @param <T> the message type the key extractor accepts
 */
public final class TapOptions<T> {

    private static final TapOptions<Object> DEFAULTS = new TapOptions<>(null, null, null, false, null, false, null);

    private final String name;
    private final String sender;
    private final Function<? super T, ?> key;
    private final boolean snapshotAtSend;
    private final PayloadComparator comparator;
    private final boolean retainPayloads;
    private final Predicate<? super T> endOfStream;

    private TapOptions(String name, String sender, Function<? super T, ?> key, boolean snapshotAtSend,
                       PayloadComparator comparator, boolean retainPayloads,
                       Predicate<? super T> endOfStream) {
        this.name = name;
        this.sender = sender;
        this.key = key;
        this.snapshotAtSend = snapshotAtSend;
        this.comparator = comparator;
        this.retainPayloads = retainPayloads;
        this.endOfStream = endOfStream;
    }

    /**
     * Default options: a numbered queue label ({@code queue:1}, {@code queue:2}, ... per log), the calling
     * thread's name as sender, messages identified by object identity, no snapshots.
     */
    public static TapOptions<Object> defaults() {
        return DEFAULTS;
    }

    /** Names the queue: its receiver label becomes {@code queue:<name>}. */
    public TapOptions<T> name(String queueName) {
        return new TapOptions<>(Labels.requireLabel(queueName, "queue name"), sender, key, snapshotAtSend,
                comparator, retainPayloads, endOfStream);
    }

    /** A fixed sender label for every send through the tap, instead of the calling thread's name. */
    public TapOptions<T> sender(String senderLabel) {
        return new TapOptions<>(name, Labels.requireLabel(senderLabel, "sender"), key, snapshotAtSend,
                comparator, retainPayloads, endOfStream);
    }

    /**
     * Identifies messages by a key (compared with {@code equals}) instead of object identity: a delivered
     * message whose key was delivered before is a duplicate, even if it is a different object. The
     * extractor must not return null.
     */
    @SuppressWarnings("unchecked")
    public <U> TapOptions<U> keyedBy(Function<? super U, ?> keyExtractor) {
        return new TapOptions<U>(name, sender, Objects.requireNonNull(keyExtractor, "keyExtractor"),
                snapshotAtSend, comparator, retainPayloads, (Predicate<? super U>) endOfStream);
    }

    /**
     * Takes a deep copy of each message at send and compares it with the delivered object, recording
     * MUTATED_IN_FLIGHT when the sender changed the message while it was queued. Costs one deep copy per
     * send ({@code StructuredClone.copy}); a message that cannot be copied is sent without a snapshot and
     * the reason is recorded as detail.
     */
    public TapOptions<T> snapshotAtSend(boolean enabled) {
        return new TapOptions<>(name, sender, key, enabled, comparator, retainPayloads, endOfStream);
    }

    /**
     * How a snapshot is compared with the delivered object: returns the differences, empty when equal.
     * The default is {@link PayloadComparator#fidelity()}, the one structural comparator Courier's checkers use
     * too: one difference per changed path, e.g. {@code $.items[2]: EXTRA expected absent but was "sugar"}, with user classes compared field
     * by field, so classes without an {@code equals} override are judged too. Costs one walk of the message
     * per delivery.
     */
    public TapOptions<T> comparingWith(PayloadComparator snapshotComparator) {
        return new TapOptions<>(name, sender, key, snapshotAtSend,
                Objects.requireNonNull(snapshotComparator, "snapshotComparator"), retainPayloads, endOfStream);
    }

    /**
     * Attaches the sent message to SENT events and the received one to DELIVERED events, as
     * {@code WorkerOptions.retainPayloads} does for workers, so per-key order
     * ({@code Checks.order(snapshot, keyOfPayload)}) and fidelity checks work on the tap. The log keeps
     * references, not copies.
     */
    public TapOptions<T> retainPayloads(boolean enabled) {
        return new TapOptions<>(name, sender, key, snapshotAtSend, comparator, enabled, endOfStream);
    }

    /** Whether SENT and DELIVERED events carry the message. */
    public boolean retainsPayloads() {
        return retainPayloads;
    }

    /**
     * Declares control messages: a message matching {@code isEndOfStream} (a poison pill, one put per
     * consumer) is passed through without being counted: it is neither sent nor delivered in the history, so
     * it is never a duplicate or a loss. A consumer that takes one is recorded as stopped (CONSUMER_STOPPED,
     * with the depth it left), so messages queued behind it are explained as left behind by that consumer.
     * The predicate runs on every send and take and must not throw.
     */
    public TapOptions<T> endOfStream(Predicate<? super T> isEndOfStream) {
        return new TapOptions<>(name, sender, key, snapshotAtSend, comparator, retainPayloads,
                Objects.requireNonNull(isEndOfStream, "isEndOfStream"));
    }

    /** The end-of-stream predicate, or null when no control messages are declared. */
    public Predicate<? super T> endOfStream() {
        return endOfStream;
    }

    /** The queue name, or null for a numbered default. */
    public String name() {
        return name;
    }

    /** The fixed sender label, or null for the calling thread's name. */
    public String sender() {
        return sender;
    }

    /** The key extractor, or null for object identity. */
    public Function<? super T, ?> key() {
        return key;
    }

    public boolean snapshotsAtSend() {
        return snapshotAtSend;
    }

    /** The snapshot comparator, or null for the default. */
    public PayloadComparator comparator() {
        return comparator;
    }

    @Override
    public String toString() {
        return "TapOptions[name=" + name + ", sender=" + sender + ", keyed=" + (key != null)
                + ", snapshotAtSend=" + snapshotAtSend + ", retainPayloads=" + retainPayloads
                + ", endOfStream=" + (endOfStream != null) + "]";
    }
}
