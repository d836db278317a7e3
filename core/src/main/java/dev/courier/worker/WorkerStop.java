package dev.courier.worker;

import dev.courier.history.DropCause;
import dev.courier.history.internal.DurationText;
import dev.courier.worker.internal.Dispatcher;
import dev.courier.worker.internal.Inbox;
import dev.courier.worker.internal.Texts;
import dev.courier.worker.internal.WorkerLoop;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * How a worker is stopped: {@code Worker.terminate()} and {@code Worker.close()} (drain, then terminate,
 * then wait), with the stuck report when it does not end in time; under a loop host, by running the host
 * instead of waiting.
 *
 * <p>Thread contract: any thread (but {@link #close()} refuses the worker's own). {@link #terminate()} does
 * not block (hosted and called outside a step, it runs the simulation until the worker exited);
 * {@link #close()} blocks, bounded by the drain and stop timeouts. On the parent dispatcher it waits for the
 * worker thread rather than the exit future, which completes only after the dispatcher's current task.
 */
final class WorkerStop {

    private final String label;
    private final WorkerOptions options;
    private final WorkerEvents events;
    private final WorkerLoop loop;
    private final Scheduler.LoopHost host;
    private final Dispatcher parent;
    private final Inbox workerInbox;
    private final CompletableFuture<Integer> exit;
    /** Whether this thread's close() swallowed an interrupt that it must restore on the way out. */
    private final ThreadLocal<Boolean> interruptedWhileClosing = ThreadLocal.withInitial(() -> Boolean.FALSE);

    WorkerStop(String label, WorkerOptions options, WorkerEvents events, WorkerLoop loop, Dispatcher parent,
               Inbox workerInbox, CompletableFuture<Integer> exit) {
        this.label = label;
        this.options = options;
        this.events = events;
        this.loop = loop;
        this.host = options.scheduler().loopHost();
        this.parent = parent;
        this.workerInbox = workerInbox;
        this.exit = exit;
    }

    /** A fresh dependent future per call: completing or cancelling it changes nothing for other callers. */
    CompletableFuture<Integer> terminate() {
        loop.requestStop(1, DropCause.TERMINATED);
        if (host != null && !host.inStep()) {
            host.runUntil("terminate() of worker " + label, exit::isDone, Duration.ZERO);
        }
        return exit.copy();
    }

    /**
     * Drains, terminates and waits, each bounded. An interrupt flag set on entry, or an interrupt arriving
     * meanwhile, does not cut the bounded waits short (which would report a worker as stuck that is only
     * stopping): it is remembered and restored before this returns or throws.
     */
    void close() {
        boolean interrupted = Thread.interrupted();
        try {
            closeBounded();
        } finally {
            boolean swallowed = interruptedWhileClosing.get();
            interruptedWhileClosing.remove();
            if (interrupted || swallowed) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void closeBounded() {
        if (loop.isLoopThread()) {
            throw new IllegalStateException("close() called on worker " + label
                    + "'s own thread, which cannot wait for itself; use ctx.exit(code)");
        }
        if (host != null) {
            closeHosted();
            return;
        }
        if (events.isAlive() && !drain()) {
            String activity = loop.activity();
            if (!activity.equals("idle")) {
                throw stuck(activity);
            }
        }
        terminate();
        if (!awaitExit(options.stopTimeout())) {
            throw stuck(loop.activity());
        }
    }

    private void closeHosted() {
        String operation = "close() of worker " + label;
        if (events.isAlive()) {
            host.runUntil(operation, () -> !events.isAlive() || workerInbox.isDrained(),
                    options.drainTimeout());
        }
        // From a main-side listener the exit listeners run only after it returns: wait for the loop's end.
        BooleanSupplier ended = parent.isLoopThread() ? loop::hasEnded : exit::isDone;
        loop.requestStop(1, DropCause.TERMINATED);
        if (!host.runUntil(operation, ended, Duration.ZERO)) {
            throw new IllegalStateException(operation + " under " + options.scheduler() + " could not finish: a step of"
                    + " the worker is in progress further up this thread (it ran the simulation), so the worker cannot"
                    + " end before that step returns; call terminate() there instead");
        }
    }

    private boolean drain() {
        long deadline = System.nanoTime() + options.drainTimeout().toNanos();
        while (true) {
            try {
                return workerInbox.awaitDrained(deadline - System.nanoTime());
            } catch (InterruptedException e) {
                interruptedWhileClosing.set(Boolean.TRUE);
            }
        }
    }

    private WorkerStuckException stuck(String activity) {
        int queued = workerInbox.depth();
        Thread thread = loop.thread();
        String before = Texts.threadDump(thread, thread.getStackTrace());
        terminate();
        boolean stopped = awaitExit(options.stopTimeout());
        String dump = stopped ? before : Texts.threadDump(thread, thread.getStackTrace());
        String outcome = stopped
                ? "it stopped after an interrupt; " + queued + (queued == 1 ? " queued message was" : " queued messages were")
                        + " dropped (TERMINATED)"
                : "it did not stop within " + DurationText.of(options.stopTimeout())
                        + " after an interrupt and is still running";
        return new WorkerStuckException(label, activity, dump, "worker " + label + " is stuck: close() waited "
                + DurationText.of(options.drainTimeout()) + " for it to drain " + queued + " queued message"
                + (queued == 1 ? "" : "s") + ", but it was still in "
                + activity + "; " + outcome + "\n" + dump, stopped);
    }

    // On the parent dispatcher the exit future cannot complete while we wait: wait for the thread instead.
    // An interrupt does not end the wait early (close() restores it); the bound does.
    private boolean awaitExit(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            try {
                long remaining = Math.max(0, deadline - System.nanoTime());
                if (parent.isLoopThread()) {
                    TimeUnit.NANOSECONDS.timedJoin(loop.thread(), remaining);
                    return !loop.thread().isAlive();
                }
                exit.get(remaining, TimeUnit.NANOSECONDS);
                return true;
            } catch (TimeoutException | ExecutionException e) {
                return false;
            } catch (InterruptedException e) {
                interruptedWhileClosing.set(Boolean.TRUE);
            }
        }
    }
}
