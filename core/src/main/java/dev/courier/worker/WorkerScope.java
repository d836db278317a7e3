package dev.courier.worker;

import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.worker.internal.ExitSignal;
import dev.courier.worker.internal.WorkerLoop;
import java.time.Duration;
import java.util.Objects;

/** The {@link WorkerContext} handed to a worker's script. Thread contract: see {@link WorkerContext}. */
final class WorkerScope implements WorkerContext {

    /** Who the worker is: its thread id, name and {@code <name>#<id>} label. */
    record Identity(int threadId, String name, String label) {
    }

    private final Identity identity;
    private final DeliveryLog log;
    private final Scheduler scheduler;
    private final WorkerLoop loop;
    private final MessagePort parentPort;
    private final Object workerData;

    WorkerScope(Identity identity, DeliveryLog log, Scheduler scheduler, WorkerLoop loop, MessagePort parentPort,
                Object workerData) {
        this.identity = identity;
        this.log = log;
        this.scheduler = scheduler;
        this.loop = loop;
        this.parentPort = parentPort;
        this.workerData = workerData;
    }

    /** The same scope with the worker data decoded on the worker's thread. */
    WorkerScope withData(Object data) {
        return new WorkerScope(identity, log, scheduler, loop, parentPort, data);
    }

    @Override
    public MessagePort parentPort() {
        return parentPort;
    }

    @Override
    public Object workerData() {
        return workerData;
    }

    @Override
    public int threadId() {
        return identity.threadId();
    }

    @Override
    public String name() {
        return identity.name();
    }

    @Override
    public String label() {
        return identity.label();
    }

    @Override
    public TimerHandle setTimeout(Runnable callback, Duration delay) {
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(delay, "delay");
        TimerHandle handle = loop.schedule("timer", callback, delay.toNanos());
        return handle != null ? handle : ENDED;
    }

    @Override
    public TimerHandle setImmediate(Runnable callback) {
        TimerHandle handle = loop.immediate("immediate", Objects.requireNonNull(callback, "callback"));
        return handle != null ? handle : ENDED;
    }

    @Override
    public void exit(int code) {
        if (loop.isLoopThread()) {
            throw new ExitSignal(code);
        }
        loop.requestStop(code, DropCause.WORKER_EXITED);
    }

    @Override
    public DeliveryLog log() {
        return log;
    }

    @Override
    public long nanoTime() {
        return scheduler.nanoTime();
    }

    // Returned for timers set after the worker ended: they never run.
    private static final TimerHandle ENDED = new TimerHandle() {
        @Override
        public boolean cancel() {
            return false;
        }

        @Override
        public boolean isPending() {
            return false;
        }
    };
}
