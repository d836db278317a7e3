package dev.courier.worker;

import dev.courier.clone.TransferContext;
import dev.courier.clone.Transferable;
import dev.courier.history.DeliveryLog;
import dev.courier.history.EndpointNames;
import dev.courier.worker.MessagePort.MessageEvent;
import dev.courier.worker.internal.Dispatcher;
import dev.courier.worker.internal.InstalledContext;
import dev.courier.worker.internal.PortCore;
import dev.courier.worker.internal.WorkerLoop;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * An instrumented worker, modelled on Node's {@code worker_threads.Worker}: a dedicated thread
 * {@code courier-worker-<name>-<threadId>} runs the script, then its event loop, until nothing keeps it
 * alive (no listener on an open port, no timer), {@code ctx.exit(code)}, {@link #terminate()} or a crash.
 * Everything it does is recorded in its {@link #log()} under the label {@code <name>#<threadId>}; the
 * main side is labelled {@code main}.
 *
 * <p>Thread contract: every method may be called from any thread. Worker-side code (script, listeners,
 * timers) runs only on the worker thread (S12). Main-side events (messages from the worker, error, exit,
 * online) run on the worker's parent dispatcher, {@code courier-worker-<name>-<id>-parent}: one thread at
 * a time, in the order the events happened, started on demand and ended once the worker has exited and
 * its events are dispatched; they never run on the worker thread or the caller's thread. A main-side
 * listener that throws is recorded (HANDLED THREW) and dispatching goes on. The exit future completes after
 * the exit listeners ran. {@link #close()} blocks, bounded by the drain and stop timeouts.
 *
 * <p>Under a scheduler that hosts its loops ({@code dev.courier.sim.Simulation}) there are no threads: the
 * script, listeners, timers and main-side events run as the simulation's steps, on the thread that drives
 * it, and the id in the label counts from 1 per simulation. What would block runs the simulation instead:
 * {@link #close()} runs it until the worker has drained (at most the drain timeout of virtual time) and
 * ended; {@link #terminate()} called outside the simulation's steps runs it until the worker has exited, so
 * the returned future is complete. A script or listener that blocks its thread (on a latch, a sleep, a
 * future) blocks the whole simulation: under a simulation, code must only react to events.
 */
public final class Worker implements AutoCloseable {

    private final int threadId;
    private final String label;
    private final WorkerOptions options;
    private final DeliveryLog log;
    private final WorkerLoop loop;
    private final Dispatcher parent;
    private final MessagePort mainPort;
    private final PortCore workerEnd;
    private final MessagePort parentPort;
    private final WorkerEvents events;
    private final WorkerBody body;
    private final WorkerStop stop;
    private final AtomicBoolean settingUp = new AtomicBoolean(true);

    private Worker(WorkerScript script, WorkerOptions options, Object wireData) {
        this.threadId = options.scheduler().nextWorkerId();
        this.label = EndpointNames.worker(options.name(), threadId);
        this.options = options;
        this.log = options.logOrFresh();
        String threadName = EndpointNames.workerThread(options.name(), threadId);
        this.loop = new WorkerLoop(threadName, label, options.scheduler());
        this.parent = new Dispatcher(EndpointNames.parentDispatcher(threadName), EndpointNames.MAIN,
                options.scheduler(), this::isAlive);
        PortCore[] ends = PortCore.pair(EndpointNames.MAIN, parent, label, loop, options.portSettings(log));
        PortCore mainEnd = ends[0];
        this.workerEnd = ends[1];
        this.mainPort = new MessagePort(mainEnd);
        this.parentPort = new MessagePort(workerEnd);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        this.events = new WorkerEvents(label, options.name(), log, parent, mainEnd, exit);
        this.stop = new WorkerStop(label, options, events, loop, parent, workerEnd.inbox(), exit);
        this.body = new WorkerBody(script, wireData, options.codec(), new WorkerScope(
                new WorkerScope.Identity(threadId, options.name(), label), log, options.scheduler(), loop, parentPort,
                null), events);
        log.writer().register(new WorkerState(label, events, loop, parent, workerEnd, mainEnd));
    }

    /**
     * Starts a worker with default options, or, inside a {@link DefaultWorkerContext} (a
     * {@code @CourierTest}), with the context's options, recording into its log; the context adopts it.
     */
    public static Worker start(WorkerScript script) {
        InstalledContext context = InstalledContext.current();
        return context == null ? start(script, WorkerOptions.defaults()) : adopted(script, context, null);
    }

    /**
     * Starts a worker. The {@code workerData} option is encoded here, on the caller's thread. Options that
     * name no log record, inside a {@link DefaultWorkerContext}, into the context's log, and the context
     * adopts the worker.
     *
     * @throws dev.courier.clone.DataCloneException if the worker data cannot be cloned; nothing started
     */
    public static Worker start(WorkerScript script, WorkerOptions options) {
        Objects.requireNonNull(options, "options");
        InstalledContext context = options.log() == null ? InstalledContext.current() : null;
        return context == null ? launch(script, options) : adopted(script, context, options);
    }

    private static Worker adopted(WorkerScript script, InstalledContext context, WorkerOptions given) {
        Worker worker = launch(script, context.resolve(given));
        context.adopted(worker);
        return worker;
    }

    private static Worker launch(WorkerScript script, WorkerOptions options) {
        Objects.requireNonNull(script, "script");
        Object wireData = options.codec().encode(options.workerData(), TransferContext.NONE);
        Worker worker = new Worker(script, options, wireData);
        worker.loop.start(worker.body);
        return worker;
    }

    /** Sends a message to the worker (see {@link MessagePort#postMessage(Object)}); to an exited worker it is recorded as dropped (PORT_CLOSED). */
    public void postMessage(Object message) {
        endSetup();
        mainPort.postMessage(message);
    }

    /** Sends a message, moving the transferred values (see {@link MessagePort#postMessage(Object, List)}). */
    public void postMessage(Object message, List<? extends Transferable> transferList) {
        endSetup();
        mainPort.postMessage(message, transferList);
    }

    /**
     * S4 on the main side. Node's {@code Worker} is an EventEmitter: a message from the worker emitted while main has
     * no 'message' listener is lost, yet listeners added in the tick that created the worker are never late. Java has
     * no such tick, so the main side holds what arrives while it is being set up, until main first posts to,
     * terminates or closes the worker; from then on a message dispatched while main has no message listener is
     * dropped (NO_LISTENER). Listeners registered before that first call are never late.
     */
    private void endSetup() {
        if (settingUp.get() && settingUp.compareAndSet(true, false)) {
            mainPort.start();
        }
    }

    /**
     * Listens for messages from the worker (on the parent dispatcher). As in Node, the main side does not buffer: once
     * main has posted to, terminated or closed the worker, a message from the worker dispatched while main has no
     * message listener is recorded as DROPPED (NO_LISTENER). Register it right after {@code start}, before posting.
     */
    public Worker onMessage(Consumer<MessageEvent> listener) {
        mainPort.onMessage(listener);
        return this;
    }

    public boolean removeMessageListener(Consumer<MessageEvent> listener) {
        return mainPort.removeMessageListener(listener);
    }

    /** Listens for messages from the worker that could not be decoded. */
    public Worker onMessageError(Consumer<MessageErrorEvent> listener) {
        mainPort.onMessageError(listener);
        return this;
    }

    /** Listens for the worker's uncaught exception (script, listener or timer). */
    public Worker onError(Consumer<Throwable> listener) {
        events.addError(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Listens for the worker's exit code. As in Node, a listener added after the exit is not called. */
    public Worker onExit(IntConsumer listener) {
        events.addExit(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Listens for the script starting. As in Node, a listener added after that is not called. */
    public Worker onOnline(Runnable listener) {
        events.addOnline(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Stops the worker as soon as its current task lets it (its thread is interrupted); queued messages are
     * recorded as DROPPED (TERMINATED); exit code 1. Idempotent: every call returns a fresh future of its own
     * (completing or cancelling it affects no other caller), which completes with the exit code (the real one if
     * the worker had already exited) after the exit listeners ran.
     * A worker terminated before its script started never comes online. Under a simulation, called outside its
     * steps, it runs the simulation until the worker has exited; inside a step it only asks for the stop,
     * which happens once that step returns.
     */
    public CompletableFuture<Integer> terminate() {
        endSetup();
        return stop.terminate();
    }

    /**
     * Lets the worker handle what is queued (bounded by {@code drainTimeout}), then terminates it and waits
     * for it to end (bounded by {@code stopTimeout}). Called from a main-side listener, it waits for the
     * worker thread to end rather than for the exit listeners, which run after that listener returns. The
     * caller's interrupt flag does not cut these bounded waits short: set on entry or arriving meanwhile, it is
     * restored before {@code close()} returns or throws.
     *
     * @throws WorkerStuckException if the worker was still busy in a task when the drain timed out, or did
     *                              not end after the interrupt; it names the worker, what it was doing and its stack
     * <p>Under a simulation it runs the simulation instead of waiting: until the worker has handled what is queued
     * (moving virtual time at most {@code drainTimeout}), then until it has ended.
     *
     * @throws IllegalStateException if called on the worker's own thread; under a simulation, also if the worker
     *                               cannot end because one of its steps is in progress further up this thread
     */
    @Override
    public void close() {
        endSetup();
        stop.close();
    }

    public int threadId() {
        return threadId;
    }

    public String name() {
        return options.name();
    }

    /** {@code <name>#<threadId>}: the worker's endpoint label in the history. */
    public String label() {
        return label;
    }

    public DeliveryLog log() {
        return log;
    }

    public WorkerOptions options() {
        return options;
    }

    /** Whether the worker has not exited yet. */
    public boolean isAlive() {
        return events.isAlive();
    }

    /** Messages queued for the worker, not yet taken by its loop. */
    public int queueDepth() {
        return workerEnd.inbox().depth();
    }

    /** The deepest the worker's queue has been. */
    public int highWaterMark() {
        return workerEnd.inbox().highWaterMark();
    }

    /** The exit code once the worker has exited. */
    public OptionalInt exitCode() {
        return events.exitCode();
    }

    @Override
    public String toString() {
        OptionalInt code = events.exitCode();
        return "Worker[" + label + (code.isPresent() ? ", exited " + code.getAsInt() : ", alive") + "]";
    }
}
