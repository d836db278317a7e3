package dev.courier.worker;

import dev.courier.clone.MessageCodec;
import dev.courier.worker.internal.LoopBody;

/**
 * What a worker's loop runs and reports to: decodes the worker data, tells the main side the worker is
 * online, runs the script with its context, and reports failure and exit to the worker's events.
 *
 * <p>Thread contract: called on the worker thread (or in the simulation's steps) only.
 */
final class WorkerBody implements LoopBody {

    private final WorkerScript script;
    private final Object wireData;
    private final MessageCodec codec;
    private final WorkerScope scope;
    private final WorkerEvents events;

    WorkerBody(WorkerScript script, Object wireData, MessageCodec codec, WorkerScope scope, WorkerEvents events) {
        this.script = script;
        this.wireData = wireData;
        this.codec = codec;
        this.scope = scope;
        this.events = events;
    }

    @Override
    public void script() throws Exception {
        WorkerScope ctx = scope.withData(codec.decode(wireData));
        events.online();
        script.run(ctx);
    }

    @Override
    public void failed(String where, Throwable error) {
        events.failed(where, error);
    }

    @Override
    public void exited(int code) {
        events.exited(code);
    }
}
