package dev.courier.worker;

import dev.courier.history.LiveState;

/** A worker's {@link LiveState} for timeout reports and leak checks. Thread-safe; never blocks. */
final class WorkerState implements LiveState {

    private final Worker worker;

    WorkerState(Worker worker) {
        this.worker = worker;
    }

    @Override
    public String label() {
        return worker.label();
    }

    @Override
    public String describe() {
        StringBuilder text = new StringBuilder("worker ").append(worker.label()).append(": ");
        text.append(worker.isAlive() ? "alive" : "exited with code " + worker.exitCode().orElse(-1));
        text.append("\n  doing: ").append(worker.loop().activity());
        text.append("\n  pending timers/tasks: ").append(worker.loop().pendingTimers());
        text.append("\n  inbound ").append(worker.workerEnd().describe());
        text.append("\n  main side ").append(worker.mainEnd().describe());
        String dump = worker.loop().isAlive() ? worker.loop().threadDump() : null;
        if (dump != null) {
            text.append("\n  ").append(dump.replace("\n", "\n  "));
        }
        return text.toString();
    }

    @Override
    public boolean isAlive() {
        return worker.loop().isAlive() || worker.parent().isRunning();
    }
}
