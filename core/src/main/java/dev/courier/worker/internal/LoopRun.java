package dev.courier.worker.internal;

import dev.courier.history.DropCause;
import dev.courier.worker.Scheduler;

/**
 * The life of a {@link WorkerLoop}: the script, then tasks and due timers one at a time, then the end (ports
 * shut down, exit reported). Runs either as the body of the loop's own thread ({@link #onThread()}) or, under
 * a {@link Scheduler.LoopHost}, one step per host call ({@link #step()}).
 *
 * <p>Thread contract: {@link #onThread()} runs on the loop's thread only; {@link #step()} and
 * {@link #begun()} are called by the host's driving thread, one step at a time. Its own state is touched only
 * there (the activity is volatile, read by reports on any thread); what it shares with other threads lives in the {@link TaskQueue} and {@link LoopMembers}. Blocks only
 * while the loop on its own thread is idle (in {@link TaskQueue#next(boolean)}).
 */
final class LoopRun {

    private static final Runnable NOTHING = () -> { };

    private final Scheduler scheduler;
    private final TaskQueue queue;
    private final LoopMembers members;
    private volatile LoopBody body;
    private String currentTask = "script";
    private boolean begun; // hosted only: whether the script step ran
    private volatile Object activity = "starting";

    LoopRun(Scheduler scheduler, TaskQueue queue, LoopMembers members) {
        this.scheduler = scheduler;
        this.queue = queue;
        this.members = members;
    }

    /** What the loop runs; set once, before the loop's thread starts or its host takes the first step. */
    void body(LoopBody body) {
        this.body = body;
    }

    /** The loop thread's body: runs until the loop ends. */
    void onThread() {
        Runnable unsubscribe = scheduler.onTimeAdvance(queue::signal);
        int code = 0;
        try {
            runScript();
            runTasks();
        } catch (Throwable error) {
            code = exitCode(error);
        } finally {
            Thread.interrupted();
            finish(code, unsubscribe);
        }
    }

    /** Hosted: runs the script, one task or due timer, or the end, whichever is due. */
    void step() {
        try {
            if (!begun) {
                begun = true;
                runScript();
                activity("idle");
                return;
            }
            TaskQueue.Timer next = queue.next(false);
            if (next == TaskQueue.NOTHING_DUE) {
                return;
            }
            if (next == null) {
                finish(0, NOTHING);
                return;
            }
            runTask(next);
            activity("idle");
        } catch (Throwable error) {
            finish(exitCode(error), NOTHING);
        }
    }

    /**
     * Sets what the loop's thread is doing now, for stuck reports; the description's {@code toString()} is taken
     * only when a report reads it. Called on the loop's thread.
     */
    void activity(Object description) {
        activity = description;
    }

    /** What the loop is doing now. Any thread. */
    String activity() {
        return String.valueOf(activity);
    }

    /** Hosted: whether the script step has run. */
    boolean begun() {
        return begun;
    }

    private void runScript() throws Exception {
        if (!queue.stopRequested()) {
            activity("running the script");
            body.script();
        }
    }

    private int exitCode(Throwable error) {
        if (error instanceof ExitSignal exit) {
            return exit.code();
        }
        if (!queue.stopRequested()) {
            boolean fromListener = error instanceof ListenerFailure;
            body.failed(fromListener ? ((ListenerFailure) error).where() : currentTask,
                    fromListener ? error.getCause() : error);
        }
        return 1;
    }

    private void finish(int exitCode, Runnable unsubscribe) {
        activity("exiting");
        TaskQueue.Stop stop = queue.end();
        int code = stop != null ? stop.code() : exitCode;
        members.endAll(stop != null ? stop.cause() : DropCause.WORKER_EXITED);
        unsubscribe.run();
        activity("exited with code " + code);
        body.exited(code);
    }

    private void runTasks() {
        while (true) {
            activity("idle");
            TaskQueue.Timer next = queue.next(true);
            if (next == null) {
                return;
            }
            runTask(next);
            // An interrupt a task left behind must not leak into the next task; stop requests are state.
            Thread.interrupted();
        }
    }

    private void runTask(TaskQueue.Timer next) {
        currentTask = next.what;
        activity(next.what);
        next.task.run();
    }
}
