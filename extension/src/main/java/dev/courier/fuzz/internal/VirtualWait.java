package dev.courier.fuzz.internal;

import dev.courier.sim.ManualClock;

/**
 * Keeps a receiver busy until the virtual clock reaches a deadline: it waits on a monitor that every clock
 * advance notifies, so it wakes exactly when the test moves time, never on a timer. A real-time guard bounds
 * the wait.
 *
 * <p>Thread contract: {@link #until} may be called from any thread and blocks it (bounded); {@link #close}
 * unregisters from the clock.
 */
final class VirtualWait implements AutoCloseable {

    private static final long GUARD_NANOS = 10_000_000_000L;

    private final ManualClock clock;
    private final Object lock = new Object();
    private final Runnable unregister;

    VirtualWait(ManualClock clock) {
        this.clock = clock;
        this.unregister = clock.onTimeAdvance(() -> {
            synchronized (lock) {
                lock.notifyAll();
            }
        });
    }

    /** Blocks until the clock reads at least {@code deadlineNanos}. */
    void until(long deadlineNanos) {
        long guard = System.nanoTime() + GUARD_NANOS;
        synchronized (lock) {
            while (clock.nanoTime() < deadlineNanos) {
                long left = guard - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("busy receiver waited 10 s of real time for virtual time "
                            + deadlineNanos + " ns; the clock stayed at " + clock.nanoTime() + " ns");
                }
                try {
                    lock.wait(left / 1_000_000L + 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while busy with a message (worker terminated)", e);
                }
            }
        }
    }

    @Override
    public void close() {
        unregister.run();
    }
}
