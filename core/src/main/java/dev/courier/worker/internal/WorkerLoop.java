package dev.courier.worker.internal;

import dev.courier.history.DropCause;
import dev.courier.worker.Scheduler;
import dev.courier.worker.TimerHandle;

/**
 * A worker's event loop: runs the script, then tasks (messages, immediates) and due timers one at a time,
 * until it has nothing left that keeps it alive, a stop is requested, or something throws. Then it shuts its
 * ports down and reports the exit. It runs on a thread of its own, or, when the {@link Scheduler} has a
 * {@link Scheduler.LoopHost} (a simulation), step by step as the host decides ({@link #runStep()}). The
 * pending work and stop state live in a {@link TaskQueue}, the run itself (script, tasks, end) in a
 * {@link LoopRun}, the attached ports in {@link LoopMembers}; this class is what the runtime talks to.
 *
 * <p>Thread contract: {@link #execute}, {@link #schedule}, {@link #requestStop}, {@link #wake} and the
 * accessors may be called from any thread; everything the loop runs runs on its thread (or in the host's
 * steps, one at a time). Timer deadlines come from the {@link Scheduler}; a loop on its own thread blocks
 * only while idle, and is woken by new work, a stop request or the scheduler's time moving; a hosted loop
 * never blocks and tells its host when it may have a step due.
 */
public final class WorkerLoop implements Loop, Scheduler.HostedLoop {

    private final String threadName;
    private final String ownerLabel;
    private final Scheduler.LoopHost host;
    private final Scheduler scheduler;
    private final LoopMembers members = new LoopMembers();
    private final TaskQueue queue;
    private final LoopRun run;
    private final Thread thread;

    /**
     * A loop delivering as {@code ownerLabel}: on a new (not yet started) thread {@code threadName}, or, if
     * the scheduler hosts loops, without a thread of its own.
     */
    public WorkerLoop(String threadName, String ownerLabel, Scheduler scheduler) {
        this.threadName = threadName;
        this.ownerLabel = ownerLabel;
        this.scheduler = scheduler;
        this.host = scheduler.loopHost();
        this.queue = new TaskQueue(scheduler, members, host == null ? () -> { } : () -> host.ready(this));
        this.run = new LoopRun(scheduler, queue, members);
        this.thread = host == null ? scheduler.newThread(threadName, run::onThread) : null;
    }

    /** Starts the loop running {@code body}: its thread, or, hosted, its first step. Called once. */
    public void start(LoopBody body) {
        run.body(body);
        if (host == null) {
            thread.start();
        } else {
            host.ready(this);
        }
    }

    /** The loop's thread, or null when the scheduler hosts the loop (no thread of its own). */
    public Thread thread() {
        return thread;
    }

    /** Whether the loop's thread is alive, or, hosted, whether it has not ended. */
    public boolean isAlive() {
        return host == null ? thread.isAlive() : !hasEnded();
    }

    /** The loop thread's state and stack for reports, or null when the loop has no thread of its own. */
    public String threadDump() {
        return host == null ? Texts.threadDump(thread, thread.getStackTrace()) : null;
    }

    @Override
    public String name() {
        return threadName;
    }

    /** Hosted: runs the script, one task or due timer, or the end, whichever is due. */
    @Override
    public void runStep() {
        run.step();
    }

    @Override
    public long nextStepAt() {
        return queue.nextStepAt(run.begun());
    }

    @Override
    public boolean execute(String what, Runnable task) {
        return add(what, task, 0L, false) != null;
    }

    /** Runs {@code task} on the loop once the scheduler's clock reaches now + delay. */
    public TimerHandle schedule(String what, Runnable task, long delayNanos) {
        long delay = Math.max(0L, delayNanos);
        delay += scheduler.timerLatenessNanos(delay);
        return add(what, task, scheduler.nanoTime() + delay, true);
    }

    /** Queues an immediate; returns a handle, or null if the loop has ended. */
    public TimerHandle immediate(String what, Runnable task) {
        return add(what, task, 0L, false);
    }

    private TimerHandle add(String what, Runnable task, long deadline, boolean timed) {
        TimerHandle added = queue.add(what, task, deadline, timed);
        if (added != null && host != null) {
            host.ready(this);
        }
        return added;
    }

    /**
     * Asks the loop to end with {@code code}, dropping what is queued with {@code cause}. The first request
     * wins. Interrupts the loop thread (unless called on it) so a blocked listener can give up; a hosted loop
     * ends at its next step.
     */
    public void requestStop(int code, DropCause cause) {
        if (!queue.stop(code, cause)) {
            return;
        }
        if (host != null) {
            host.ready(this);
        } else if (Thread.currentThread() != thread) {
            thread.interrupt();
        }
    }

    /** Whether the loop has finished (its ports are shut down). */
    @Override
    public boolean hasEnded() {
        return queue.hasEnded();
    }

    @Override
    public void wake() {
        if (host != null) {
            host.ready(this);
            return;
        }
        queue.signal();
    }

    @Override
    public boolean isLoopThread() {
        return host == null ? Thread.currentThread() == thread : host.isRunning(this);
    }

    @Override
    public boolean crashesOnListenerError() {
        return true;
    }

    @Override
    public void activity(Object description) {
        run.activity(description);
    }

    /** What the loop is doing now. */
    public String activity() {
        return run.activity();
    }

    /** Pending timers plus queued tasks, for state reports. */
    public int pendingTimers() {
        return queue.size();
    }

    @Override
    public void ref(LoopMember member) {
        members.add(member);
        if (hasEnded() && members.remove(member)) {
            member.loopEnded(DropCause.PORT_CLOSED);
        }
        wake();
    }

    @Override
    public void unref(LoopMember member) {
        members.remove(member);
        wake();
    }

    @Override
    public String ownerLabel() {
        return ownerLabel;
    }
}
