package dev.courier.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** The leak check every runtime test class runs after its tests. */
final class WorkerThreads {

    private WorkerThreads() {
    }

    static List<Thread> courierThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> (thread.getName().startsWith("courier-worker-") || thread.getName().startsWith("courier-channel-"))
                        && thread.isAlive())
                .toList();
    }

    /** Waits (joins, bounded by 10 s in total) for courier threads to end, then asserts none is left. */
    static void assertNoneAlive() throws InterruptedException {
        long deadline = System.nanoTime() + Histories.BOUND.toNanos();
        for (Thread thread : courierThreads()) {
            long remaining = deadline - System.nanoTime();
            if (remaining > 0) {
                TimeUnit.NANOSECONDS.timedJoin(thread, remaining);
            }
        }
        assertThat(courierThreads()).extracting(Thread::getName).as("courier threads still alive").isEmpty();
    }
}
