package dev.courier.worker;

import dev.courier.worker.internal.WorkerLoop;

/** What a worker's loop runs and reports to. Thread contract: called on the worker thread only. */
final class WorkerBody implements WorkerLoop.Body {

    private final Worker worker;
    private final WorkerScript script;
    private final Object wireData;

    WorkerBody(Worker worker, WorkerScript script, Object wireData) {
        this.worker = worker;
        this.script = script;
        this.wireData = wireData;
    }

    @Override
    public void script() throws Exception {
        Object data = worker.options().codec().decode(wireData);
        WorkerScope ctx = new WorkerScope(worker, worker.loop(), worker.parentPort(), data);
        worker.online();
        script.run(ctx);
    }

    @Override
    public void failed(String where, Throwable error) {
        worker.failed(where, error);
    }

    @Override
    public void exited(int code) {
        worker.exited(code);
    }
}
