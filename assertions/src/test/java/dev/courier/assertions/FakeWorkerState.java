package dev.courier.assertions;

import dev.courier.history.LiveState;

/** A registered participant whose description is a fixed, fake thread stack. Immutable. */
record FakeWorkerState(String label) implements LiveState {

    static final String STACK = "thread courier-worker-transcoder-3 WAITING on a queue\n"
            + "  at app.Transcoder.decode(Transcoder.java:42)";

    @Override
    public String describe() {
        return "queue depth 2, 0 message listeners\n" + STACK;
    }

    @Override
    public boolean isAlive() {
        return true;
    }
}
