package dev.courier.benchmarks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One benchmark operation: {@code senders} threads each send their share of {@link #SIZE} messages, then
 * the caller waits (bounded) until the receiving side has counted them all.
 *
 * <p>Thread contract: {@link #received()} is incremented by the receiving thread; {@link #run} is called by
 * the benchmark thread only and blocks until the batch is received or {@link #LIMIT_NANOS} passes.
 */
final class Batch implements AutoCloseable {

    static final int SIZE = 10_000;
    private static final long LIMIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** Sends message {@code index} from sender {@code sender}. */
    interface Sender {
        void send(int sender, int index) throws Exception;
    }

    private final AtomicLong received = new AtomicLong();
    private final ExecutorService helpers;
    private final int senders;
    private volatile Thread waiter;
    private long target;

    Batch(int senders) {
        this.senders = senders;
        this.helpers = senders > 1 ? Executors.newFixedThreadPool(senders - 1) : null;
    }

    /** Called by the receiver for every message it handled. */
    void received() {
        if (received.incrementAndGet() == target) {
            LockSupport.unpark(waiter);
        }
    }

    void run(Sender sender) throws Exception {
        waiter = Thread.currentThread();
        target = received.get() + SIZE;
        int share = SIZE / senders;
        Future<?>[] others = new Future<?>[senders - 1];
        for (int s = 1; s < senders; s++) {
            int id = s;
            others[s - 1] = helpers.submit(() -> sendShare(sender, id, share));
        }
        sendShare(sender, 0, share);
        for (Future<?> other : others) {
            other.get(30, TimeUnit.SECONDS);
        }
        long deadline = System.nanoTime() + LIMIT_NANOS;
        while (received.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("receiver counted " + received.get() + " of " + target);
            }
            // Woken by received() when the batch completes; an unpark that came first leaves a permit.
            LockSupport.parkNanos(this, deadline - System.nanoTime());
        }
    }

    private Void sendShare(Sender sender, int id, int share) throws Exception {
        for (int i = 0; i < share; i++) {
            sender.send(id, i);
        }
        return null;
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
