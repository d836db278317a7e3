package dev.courier.worker;

import dev.courier.history.LiveState;
import dev.courier.worker.internal.Dispatcher;
import dev.courier.worker.internal.PortCore;
import dev.courier.worker.internal.WorkerLoop;

/** A worker's {@link LiveState} for timeout reports and leak checks. Thread-safe; never blocks. */
final class WorkerState implements LiveState {

    private final String label;
    private final WorkerEvents events;
    private final WorkerLoop loop;
    private final Dispatcher parent;
    private final PortCore workerEnd;
    private final PortCore mainEnd;

    WorkerState(String label, WorkerEvents events, WorkerLoop loop, Dispatcher parent, PortCore workerEnd,
                PortCore mainEnd) {
        this.label = label;
        this.events = events;
        this.loop = loop;
        this.parent = parent;
        this.workerEnd = workerEnd;
        this.mainEnd = mainEnd;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String describe() {
        StringBuilder text = new StringBuilder("worker ").append(label).append(": ");
        text.append(events.isAlive() ? "alive" : "exited with code " + events.exitCode().orElse(-1));
        text.append("\n  doing: ").append(loop.activity());
        text.append("\n  pending timers/tasks: ").append(loop.pendingTimers());
        text.append("\n  inbound ").append(workerEnd.describe());
        text.append("\n  main side ").append(mainEnd.describe());
        String dump = loop.isAlive() ? loop.threadDump() : null;
        if (dump != null) {
            text.append("\n  ").append(dump.replace("\n", "\n  "));
        }
        return text.toString();
    }

    @Override
    public boolean isAlive() {
        return loop.isAlive() || parent.isRunning();
    }
}
