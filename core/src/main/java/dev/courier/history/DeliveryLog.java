package dev.courier.history;

import dev.courier.history.internal.EventChunk;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The delivery history: an append-only record of every fact the runtime (or a tap) observed. Writers append
 * through its {@link #writer() recorder seam}; readers take a {@link #snapshot()}, {@link #select()} events, or
 * {@link #await} a condition.
 *
 * <p>Thread contract: any thread may append, read, snapshot and await at any time. Appends are
 * serialized by an internal lock and stamped with the log's monotonic clock inside it, so indexes and
 * times agree. Everything appended before a {@link #snapshot()} call returned is in the snapshot
 * (the size is published with a volatile write after the event's slots are written). {@link #await}
 * blocks the calling thread, bounded by its timeout, and is woken by appends: it never polls.
 *
 * <p>Storage is columnar and chunked; detail text, errors and payloads are kept only for events that
 * have them, so a message recorded without its payload costs a few dozen bytes per event.
 */
public final class DeliveryLog {

    private final LongSupplier clock;
    private final Object lock = new Object();
    private final AtomicLong messageIds = new AtomicLong();
    private final List<LiveState> liveStates = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> endpointIds = new HashMap<>();
    private final HistoryWriter writer = new Writer();

    private volatile EventChunk[] chunks = new EventChunk[4];
    private volatile String[] endpointLabels = new String[16];
    private volatile int size;
    private int endpointCount;
    private int waiters;

    private DeliveryLog(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A log stamped with {@link System#nanoTime()}. */
    public static DeliveryLog create() {
        return new DeliveryLog(System::nanoTime);
    }

    /** A log stamped by the given monotonic nanosecond clock (a virtual clock under simulation). */
    public static DeliveryLog create(LongSupplier nanoClock) {
        return new DeliveryLog(nanoClock);
    }

    /** The log's clock, for recorders that need times on the same base as the events. */
    public long nanoTime() {
        return clock.getAsLong();
    }

    long append(EventDraft draft) {
        synchronized (lock) {
            int index = size;
            int slot = index & EventChunk.MASK;
            EventChunk chunk = slotChunk(index);
            chunk.write(slot, (byte) draft.kind.ordinal(), (byte) (draft.cause == null ? -1 : draft.cause.ordinal()),
                    (byte) draft.outcome.ordinal(), clock.getAsLong(), draft.messageId, draft.sequence,
                    intern(draft.sender), intern(draft.receiver), draft.number);
            if (draft.detail != null || draft.error != null || draft.payload != null) {
                chunk.putExtras(slot, new EventChunk.Extras(draft.detail, draft.error, draft.payload));
            }
            return publish(index);
        }
    }

    // Called with the lock held: the chunk holding event {@code index}, allocated on first use.
    private EventChunk slotChunk(int index) {
        int chunkIndex = index >>> EventChunk.SHIFT;
        EventChunk[] all = chunks;
        if (chunkIndex == all.length) {
            all = Arrays.copyOf(all, all.length * 2);
            chunks = all;
        }
        EventChunk chunk = all[chunkIndex];
        if (chunk == null) {
            chunk = new EventChunk();
            all[chunkIndex] = chunk;
        }
        return chunk;
    }

    // Called with the lock held, after the event's slots are written: the volatile size write publishes them.
    private long publish(int index) {
        size = index + 1;
        if (waiters > 0) {
            lock.notifyAll();
        }
        return index;
    }

    // Called with the lock held. Id 0 stands for "no endpoint".
    private int intern(String label) {
        if (label == null) {
            return 0;
        }
        Integer known = endpointIds.get(label);
        if (known != null) {
            return known;
        }
        int id = ++endpointCount;
        String[] labels = endpointLabels;
        if (id == labels.length) {
            labels = Arrays.copyOf(labels, labels.length * 2);
        }
        labels[id] = label;
        endpointLabels = labels;
        endpointIds.put(label, id);
        return id;
    }

    /** The number of events appended so far. */
    public int size() {
        return size;
    }

    /** An immutable view of every event appended before this call returned. Cheap: no copying. */
    public HistorySnapshot snapshot() {
        int published = size;
        return new HistorySnapshot(chunks, endpointLabels, published);
    }

    /**
     * A selection of the events recorded so far (of a kind, at an endpoint, with a cause, ...): the same as
     * {@code snapshot().select()}, so it reads the history as it is at this call.
     */
    public HistorySnapshot.Query select() {
        return snapshot().select();
    }

    /** Every event so far, materialized. Prefer {@link #snapshot()} for large histories. */
    public List<DeliveryEvent> events() {
        return snapshot().events();
    }

    /**
     * Waits until {@code condition} holds for a snapshot, or the timeout passes. The condition is
     * evaluated now and after appends (never on a timer), outside the log's lock.
     *
     * @return whether the condition held; {@code false} means the timeout passed first
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean await(Predicate<HistorySnapshot> condition, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(condition, "condition");
        long deadline = System.nanoTime() + Objects.requireNonNull(timeout, "timeout").toNanos();
        while (true) {
            HistorySnapshot seen = snapshot();
            if (condition.test(seen)) {
                return true;
            }
            synchronized (lock) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                if (size == seen.size()) {
                    waiters++;
                    try {
                        long millis = remaining / 1_000_000L;
                        lock.wait(millis, (int) (remaining % 1_000_000L));
                    } finally {
                        waiters--;
                    }
                }
            }
        }
    }

    /** The registered participants, in registration order. */
    public List<LiveState> liveStates() {
        return List.copyOf(liveStates);
    }

    /** How the runtime, taps and recorders write into this log; see {@link HistoryWriter}. */
    public HistoryWriter writer() {
        return writer;
    }

    // The recorder seam's implementation: the log's own appends, reachable only through writer().
    private final class Writer implements HistoryWriter {

        @Override
        public long nextMessageId() {
            return messageIds.incrementAndGet();
        }

        @Override
        public int endpointId(String label) {
            synchronized (lock) {
                return intern(label);
            }
        }

        @Override
        public EventDraft record(EventKind kind) {
            return new EventDraft(DeliveryLog.this::append, kind);
        }

        @Override
        public long appendMessageEvent(EventKind kind, long messageId, long senderSequence, int senderId,
                                       int receiverId, int number, Outcome outcome) {
            byte kindOrdinal = (byte) Objects.requireNonNull(kind, "kind").ordinal();
            byte outcomeOrdinal = (byte) Objects.requireNonNull(outcome, "outcome").ordinal();
            synchronized (lock) {
                if (senderId < 0 || senderId > endpointCount || receiverId < 0 || receiverId > endpointCount) {
                    throw new IllegalArgumentException("endpoint ids " + senderId + " -> " + receiverId + " were not "
                            + "obtained from this log's endpointId (it knows " + endpointCount + " endpoints)");
                }
                int index = size;
                slotChunk(index).write(index & EventChunk.MASK, kindOrdinal, (byte) -1, outcomeOrdinal,
                        clock.getAsLong(), messageId, senderSequence, senderId, receiverId, number);
                return publish(index);
            }
        }

        @Override
        public void register(LiveState state) {
            liveStates.add(Objects.requireNonNull(state, "state"));
        }
    }

    @Override
    public String toString() {
        return "DeliveryLog[" + size + " events]";
    }
}
