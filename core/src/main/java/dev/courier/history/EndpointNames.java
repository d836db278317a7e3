package dev.courier.history;

import java.util.Objects;
import java.util.Optional;

/**
 * How Courier names endpoints and the threads behind them, defined once: every writer records these labels and
 * every reader that needs to go from a label to a thread (or back) asks this class instead of taking a name apart.
 *
 * <ul>
 *   <li>{@value #MAIN}: the main side of every worker and channel (the test's own thread posting and listening);</li>
 *   <li>{@code <name>#<id>}: a worker, e.g. {@code transcoder#3} ({@link #worker(String, long)});</li>
 *   <li>{@code courier-worker-<name>-<id>}: the worker's thread ({@link #workerThread(String, long)}), and
 *       {@code courier-worker-<name>-<id>-parent}: its main-side dispatcher ({@link #parentDispatcher(String)}).</li>
 * </ul>
 *
 * <p>Thread contract: stateless; any thread.
 */
public final class EndpointNames {

    /** The label of the main side. */
    public static final String MAIN = "main";

    /** The prefix of every worker thread's name. */
    public static final String WORKER_THREAD_PREFIX = "courier-worker-";

    private static final String PARENT_SUFFIX = "-parent";

    private EndpointNames() {
    }

    /** The label of worker {@code id} named {@code name}: {@code <name>#<id>}. */
    public static String worker(String name, long id) {
        return Objects.requireNonNull(name, "name") + "#" + id;
    }

    /** The name of the thread that runs worker {@code id} named {@code name}: {@code courier-worker-<name>-<id>}. */
    public static String workerThread(String name, long id) {
        return WORKER_THREAD_PREFIX + Objects.requireNonNull(name, "name") + "-" + id;
    }

    /** The name of the main-side dispatcher of the worker whose thread is {@code workerThread}. */
    public static String parentDispatcher(String workerThread) {
        return Objects.requireNonNull(workerThread, "workerThread") + PARENT_SUFFIX;
    }

    /** The worker name in a worker label ({@code transcoder} for {@code transcoder#3}); the label itself otherwise. */
    public static String workerName(String label) {
        int hash = Objects.requireNonNull(label, "label").lastIndexOf('#');
        return hash <= 0 ? label : label.substring(0, hash);
    }

    /** The thread of the worker labelled {@code label}, or empty when the label is not a worker's. */
    public static Optional<String> workerThreadOf(String label) {
        int hash = Objects.requireNonNull(label, "label").lastIndexOf('#');
        if (hash <= 0 || hash == label.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(WORKER_THREAD_PREFIX + label.substring(0, hash) + "-" + label.substring(hash + 1));
    }

    /**
     * The endpoint a Courier thread acts for: a worker thread's label ({@code a#1} for {@code courier-worker-a-1}),
     * {@value #MAIN} for a parent dispatcher; empty for a thread that is not a worker's.
     */
    public static Optional<String> endpointOfThread(String threadName) {
        if (!Objects.requireNonNull(threadName, "threadName").startsWith(WORKER_THREAD_PREFIX)) {
            return Optional.empty();
        }
        String rest = threadName.substring(WORKER_THREAD_PREFIX.length());
        if (rest.endsWith(PARENT_SUFFIX)) {
            return Optional.of(MAIN);
        }
        int dash = rest.lastIndexOf('-');
        return dash <= 0 ? Optional.empty() : Optional.of(rest.substring(0, dash) + "#" + rest.substring(dash + 1));
    }

    /** Whether {@code threadName} is a worker's main-side dispatcher. */
    public static boolean isParentDispatcher(String threadName) {
        return Objects.requireNonNull(threadName, "threadName").startsWith(WORKER_THREAD_PREFIX)
                && threadName.endsWith(PARENT_SUFFIX);
    }
}
