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
 * there; what it shares with other threads lives in the {@link TaskQueue} and {@link LoopMembers}. Blocks only
 * while the loop on its own thread is idle (in {@link TaskQueue#next(boolean)}).
 */
final class LoopRun {

    private static final Runnable NOTHING = () -> { };

    private final WorkerLoop loop;
    private final Scheduler scheduler;
    private final TaskQueue queue;
    private final LoopMembers members;
    private final WorkerLoop.Body body;
    private String currentTask = "script";
    private boolean begun; // hosted only: whether the script step ran

    LoopRun(WorkerLoop loop, Scheduler scheduler, TaskQueue queue, LoopMembers members, WorkerLoop.Body body) {
        this.loop = loop;
        this.scheduler = scheduler;
        this.queue = queue;
        this.members = members;
        this.body = body;
    }

    /** The loop thread's body: runs until the loop ends. */
    void onThread() {
        Runnable unsubscribe = scheduler.onTimeAdvance(loop::wake);
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
                loop.activity("idle");
                return;
            }
            LoopTimer next = queue.next(false);
            if (next == TaskQueue.NOTHING_DUE) {
                return;
            }
            if (next == null) {
                finish(0, NOTHING);
                return;
            }
            runTask(next);
            loop.activity("idle");
        } catch (Throwable error) {
            finish(exitCode(error), NOTHING);
        }
    }

    /** Hosted: whether the script step has run. */
    boolean begun() {
        return begun;
    }

    private void runScript() throws Exception {
        if (!queue.stopRequested()) {
            loop.activity("running the script");
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
        loop.activity("exiting");
        TaskQueue.Stop stop = queue.end();
        int code = stop != null ? stop.code() : exitCode;
        members.endAll(stop != null ? stop.cause() : DropCause.WORKER_EXITED);
        unsubscribe.run();
        loop.activity("exited with code " + code);
        body.exited(code);
    }

    private void runTasks() {
        while (true) {
            loop.activity("idle");
            LoopTimer next = queue.next(true);
            if (next == null) {
                return;
            }
            runTask(next);
            // An interrupt a task left behind must not leak into the next task; stop requests are state.
            Thread.interrupted();
        }
    }

    private void runTask(LoopTimer next) {
        currentTask = next.what;
        loop.activity(next.what);
        next.task.run();
    }
}
