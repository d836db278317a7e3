package dev.courier.worker;

import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.worker.internal.ExitSignal;
import dev.courier.worker.internal.WorkerLoop;
import java.time.Duration;
import java.util.Objects;

/** The {@link WorkerContext} handed to a worker's script. Thread contract: see {@link WorkerContext}. */
final class WorkerScope implements WorkerContext {

    private final Worker worker;
    private final WorkerLoop loop;
    private final MessagePort parentPort;
    private final Object workerData;

    WorkerScope(Worker worker, WorkerLoop loop, MessagePort parentPort, Object workerData) {
        this.worker = worker;
        this.loop = loop;
        this.parentPort = parentPort;
        this.workerData = workerData;
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
        return worker.threadId();
    }

    @Override
    public String name() {
        return worker.name();
    }

    @Override
    public String label() {
        return worker.label();
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
        return worker.log();
    }

    @Override
    public long nanoTime() {
        return worker.scheduler().nanoTime();
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
