package dev.courier.worker.internal;

import dev.courier.history.DropCause;
import dev.courier.worker.OverflowPolicy;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue of messages addressed to one port, with its capacity, overflow policy, per-sender sequence
 * and high-water mark. Records SENT, ENQUEUED and DROPPED (overflow, closed, shut down) through its
 * {@link InboxRecorder}.
 *
 * <p>Thread contract: any thread may offer (several senders at once); one loop thread polls. The sequence
 * number, SENT and ENQUEUED are assigned and recorded under one lock, so sequence order is queue order.
 * {@link #offer} blocks only under {@link OverflowPolicy#BLOCK}, bounded by the block timeout (under a
 * scheduler that hosts its loops, a simulation, it cannot wait: a full BLOCK queue drops the message and
 * throws the host's {@link dev.courier.worker.Scheduler.LoopHost#cannotBlock} exception);
 * {@link #awaitDrained} blocks bounded by its argument. Both wake on signals, never poll.
 */
public final class Inbox {

    /** What became of an offered message. */
    public enum Offer { ENQUEUED, DROPPED }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notFull = lock.newCondition();
    private final Condition drained = lock.newCondition();
    private final ArrayDeque<Envelope> queue = new ArrayDeque<>();
    private final PortSettings settings;
    private final InboxRecorder recorder;
    private long lastSequence;
    private int highWater;
    private int inFlight;
    private volatile boolean accepting = true;
    private volatile int depth;

    public Inbox(PortSettings settings, String sender, String receiver) {
        this.settings = settings;
        this.recorder = new InboxRecorder(settings.log(), sender, receiver);
    }

    /** Records SENT and enqueues (ENQUEUED) or drops (DROPPED) the message. */
    public Offer offer(Envelope message) {
        lock.lock();
        try {
            int capacity = settings.capacity();
            long interruptedAfter = -1;
            if (accepting && queue.size() >= capacity && settings.overflow() == OverflowPolicy.BLOCK
                    && settings.scheduler().loopHost() == null) {
                interruptedAfter = waitForSpace(capacity);
            }
            message.sequence = ++lastSequence;
            recorder.sent(message);
            if (!accepting) {
                drop(message, DropCause.PORT_CLOSED, null);
                return Offer.DROPPED;
            }
            if (queue.size() >= capacity && overflowDropsNewest(message, capacity, interruptedAfter)) {
                return Offer.DROPPED;
            }
            queue.addLast(message);
            depth = queue.size();
            highWater = Math.max(highWater, depth);
            recorder.enqueued(message, depth);
            return Offer.ENQUEUED;
        } finally {
            lock.unlock();
        }
    }

    // Called with the lock held on a full queue: applies the overflow policy; true if the new message was dropped.
    // interruptedAfter: how long a BLOCK sender waited before its interrupt ended the wait, or negative.
    private boolean overflowDropsNewest(Envelope message, int capacity, long interruptedAfter) {
        String detail = "capacity " + capacity + ", " + settings.overflow()
                + (interruptedAfter >= 0 ? ", sender interrupted" : "");
        switch (settings.overflow()) {
            case DROP_OLDEST -> {
                drop(queue.pollFirst(), DropCause.OVERFLOW, detail);
                return false;
            }
            case DROP_NEWEST -> {
                drop(message, DropCause.OVERFLOW, detail);
                return true;
            }
            case FAIL -> {
                drop(message, DropCause.OVERFLOW, detail);
                throw OverflowFailures.full(recorder, message, capacity, detail);
            }
            case BLOCK -> {
                drop(message, DropCause.OVERFLOW, detail);
                throw interruptedAfter >= 0
                        ? OverflowFailures.interrupted(recorder, message, capacity, detail, interruptedAfter)
                        : OverflowFailures.stayedFull(settings, recorder, message, capacity, detail);
            }
            default -> throw new IllegalStateException("unknown overflow policy " + settings.overflow());
        }
    }

    /**
     * Waits for space, bounded by the block timeout. An interrupt of the sender ends the wait (the flag is
     * restored): answers how many nanoseconds it waited before that, or -1 when it was not interrupted.
     */
    private long waitForSpace(int capacity) {
        long start = settings.scheduler().guardNanoTime();
        long deadline = start + settings.blockTimeout().toNanos();
        while (accepting && queue.size() >= capacity) {
            long remaining = deadline - settings.scheduler().guardNanoTime();
            if (remaining <= 0) {
                break;
            }
            try {
                notFull.awaitNanos(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Math.max(0, settings.scheduler().guardNanoTime() - start);
            }
        }
        return -1;
    }

    // Called with the lock held.
    private void drop(Envelope message, DropCause cause, String detail) {
        recorder.dropped(message, cause, queue.size(), detail);
    }

    /** Takes the oldest message off the queue (it is then in flight until {@link #settle()}), or null. */
    public Envelope poll() {
        lock.lock();
        try {
            Envelope next = queue.pollFirst();
            if (next != null) {
                depth = queue.size();
                next.depthAfterPoll = depth;
                inFlight++;
                notFull.signal();
            }
            return next;
        } finally {
            lock.unlock();
        }
    }

    /** A polled message's handling is over (handled, dropped or failed). */
    public void settle() {
        lock.lock();
        try {
            inFlight--;
            if (inFlight == 0 && queue.isEmpty()) {
                drained.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether nothing is queued or in flight now. */
    public boolean isDrained() {
        lock.lock();
        try {
            return queue.isEmpty() && inFlight == 0;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until nothing is queued or in flight. Returns false if the bound passed first. */
    public boolean awaitDrained(long timeoutNanos) throws InterruptedException {
        lock.lock();
        try {
            long remaining = timeoutNanos;
            while (!queue.isEmpty() || inFlight > 0) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = drained.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops accepting: later offers are recorded SENT + DROPPED (PORT_CLOSED). Queued messages are
     * dropped with {@code cause}, or kept for delivery if it is null.
     */
    public void stopAccepting(DropCause cause) {
        lock.lock();
        try {
            accepting = false;
            if (cause != null) {
                Envelope next;
                while ((next = queue.pollFirst()) != null) {
                    drop(next, cause, null);
                }
                depth = 0;
            }
            notFull.signalAll();
            if (inFlight == 0 && queue.isEmpty()) {
                drained.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    public boolean isAccepting() {
        return accepting;
    }

    /** Messages waiting now. Lock-free read. */
    public int depth() {
        return depth;
    }

    /** The deepest the queue has been. */
    public int highWaterMark() {
        lock.lock();
        try {
            return highWater;
        } finally {
            lock.unlock();
        }
    }

    /** Who sends into this inbox and how its messages are recorded. */
    public InboxRecorder recorder() {
        return recorder;
    }

    /** Capacity text for state reports. */
    public String describeCapacity() {
        return settings.capacity() == Integer.MAX_VALUE ? "unbounded"
                : "capacity " + settings.capacity() + ", " + settings.overflow();
    }
}
