package dev.courier.junit.internal;

import dev.courier.assertions.internal.Timeouts;
import dev.courier.history.EndpointNames;
import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the threads of a test's workers ({@code courier-worker-<name>-<id>} and its {@code -parent} dispatcher)
 * that outlive the teardown. Only the test's own workers are considered, so tests running in parallel never see
 * each other's threads.
 *
 * <p>Thread contract: called by the teardown thread; it blocks in {@link Thread#join(long)} up to the bound.
 */
final class ThreadCheck {

    private static final int STACK_FRAMES = 12;

    private ThreadCheck() {
    }

    /** The labels of the workers that came online in {@code snapshot}. */
    static Set<String> onlineWorkers(HistorySnapshot snapshot) {
        Set<String> labels = new LinkedHashSet<>();
        for (int i = 0; i < snapshot.size(); i++) {
            if (snapshot.kind(i) == EventKind.WORKER_ONLINE && snapshot.receiver(i) != null) {
                labels.add(snapshot.receiver(i));
            }
        }
        return labels;
    }

    /**
     * Waits (in total at most {@code bound} times the timeout factor) for the threads of {@code workerLabels} to end; describes the rest. A
     * worker's parent dispatcher is reported only when the worker thread itself ended, since it outlives a live
     * worker by design.
     */
    static List<String> survivors(Collection<String> workerLabels, Duration bound) {
        Map<String, Thread> live = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(EndpointNames.WORKER_THREAD_PREFIX)) {
                live.put(thread.getName(), thread);
            }
        }
        long deadline = System.nanoTime() + Timeouts.dilate(bound).toNanos();
        List<String> alive = new ArrayList<>();
        for (String label : workerLabels) {
            String name = EndpointNames.workerThreadOf(label).orElse(null);
            if (name == null) {
                continue;
            }
            Thread worker = live.get(name);
            if (worker != null && !join(worker, deadline)) {
                alive.add(describe(worker, bound, "it ignored close()'s interrupt or is blocked where an interrupt "
                        + "cannot reach it"));
                continue;
            }
            Thread parent = live.get(EndpointNames.parentDispatcher(name));
            if (parent != null && !join(parent, deadline)) {
                alive.add(describe(parent, bound, "a main-side listener of worker `" + label + "` is still running"));
            }
        }
        return alive;
    }

    private static boolean join(Thread thread, long deadline) {
        long remaining = deadline - System.nanoTime();
        try {
            if (remaining > 0) {
                thread.join(Math.max(1, remaining / 1_000_000L));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private static String describe(Thread thread, Duration bound, String why) {
        StringBuilder text = new StringBuilder("worker thread ").append(thread.getName()).append(" is still alive ")
                .append(Timeouts.describe(bound)).append(" after the test ended (").append(thread.getState())
                .append("): ").append(why);
        StackTraceElement[] stack = thread.getStackTrace();
        for (int i = 0; i < Math.min(STACK_FRAMES, stack.length); i++) {
            text.append("\n        at ").append(stack[i]);
        }
        return text.toString();
    }
}
