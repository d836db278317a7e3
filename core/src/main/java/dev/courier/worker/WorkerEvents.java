package dev.courier.worker;

import dev.courier.history.DeliveryLog;
import dev.courier.history.EndpointNames;
import dev.courier.history.EventKind;
import dev.courier.history.Outcome;
import dev.courier.worker.internal.Dispatcher;
import dev.courier.worker.internal.PortCore;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A worker's main-side lifecycle events: the online, error and exit listeners, the WORKER_ONLINE /
 * WORKER_ERROR / WORKER_EXIT records, their dispatch on the worker's parent dispatcher, and whether (and
 * with which code) the worker has exited. A listener that throws is recorded (HANDLED THREW) and the others
 * still run.
 *
 * <p>Thread contract: listeners may be added from any thread (copy-on-write lists). {@link #online},
 * {@link #failed} and {@link #exited} are called on the worker's loop thread; each records its event there,
 * then queues the listeners on the parent dispatcher, which runs them one event at a time, in that order.
 * The exit future completes on the dispatcher after the exit listeners ran. {@link #isAlive()} and
 * {@link #exitCode()} read volatile state from any thread. Nothing here blocks.
 */
final class WorkerEvents {

    private final String label;
    private final String name;
    private final DeliveryLog log;
    private final Dispatcher parent;
    private final PortCore mainEnd;
    private final CompletableFuture<Integer> exit;
    private final CopyOnWriteArrayList<Consumer<Throwable>> errorListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<IntConsumer> exitListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Runnable> onlineListeners = new CopyOnWriteArrayList<>();
    private volatile boolean finished;
    private volatile int exitCode = -1;

    WorkerEvents(String label, String name, DeliveryLog log, Dispatcher parent, PortCore mainEnd,
                 CompletableFuture<Integer> exit) {
        this.label = label;
        this.name = name;
        this.log = log;
        this.parent = parent;
        this.mainEnd = mainEnd;
        this.exit = exit;
    }

    void addError(Consumer<Throwable> listener) {
        errorListeners.add(listener);
    }

    void addExit(IntConsumer listener) {
        exitListeners.add(listener);
    }

    void addOnline(Runnable listener) {
        onlineListeners.add(listener);
    }

    void online() {
        log.writer().record(EventKind.WORKER_ONLINE).about(label).detail(name).append();
        parent.execute("online", () -> onlineListeners.forEach(listener -> guarded("online", listener)));
    }

    void failed(String where, Throwable error) {
        log.writer().record(EventKind.WORKER_ERROR).about(label).detail(where).error(error).append();
        parent.execute("error", () -> errorListeners.forEach(listener -> guarded("error", () -> listener.accept(error))));
    }

    /**
     * The worker has exited: from now on {@link #isAlive()} is false. Records WORKER_EXIT; on the dispatcher,
     * delivers what the worker sent last, then the exit listeners.
     */
    void exited(int code) {
        exitCode = code;
        finished = true; // before the event, so whoever sees WORKER_EXIT also sees exitCode()
        log.writer().record(EventKind.WORKER_EXIT).about(label).exitCode(code).append();
        parent.execute("exit", () -> {
            mainEnd.dispatchQueued();
            exitListeners.forEach(listener -> guarded("exit", () -> listener.accept(code)));
            exit.complete(code);
        });
    }

    /** Whether the worker has not exited yet. */
    boolean isAlive() {
        return !finished;
    }

    /** The exit code once the worker has exited. */
    OptionalInt exitCode() {
        int code = exitCode;
        return finished ? OptionalInt.of(code) : OptionalInt.empty();
    }

    private void guarded(String event, Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException | Error thrown) {
            log.writer().record(EventKind.HANDLED).between(label, EndpointNames.MAIN).outcome(Outcome.THREW).error(thrown)
                    .detail(event + " listener").append();
        }
    }
}
