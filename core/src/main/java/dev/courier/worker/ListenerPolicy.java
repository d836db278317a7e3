package dev.courier.worker;

/** What a port does with messages that arrive while it has no message listener (S4). */
public enum ListenerPolicy {
    /**
     * Node's semantics (the default): the port buffers messages until a message listener is attached or
     * {@link MessagePort#start()} is called. A started port that has no listener when a message is
     * dispatched records it as dropped ({@code NO_LISTENER}). A worker's main side follows Node's {@code Worker},
     * an EventEmitter: it starts once main has posted to, terminated or closed the worker, and from then on a
     * worker-to-main message dispatched while main has no message listener is dropped.
     */
    QUEUE_UNTIL_STARTED,
    /**
     * Event-emitter / hot-publisher semantics: the port is started from the beginning, and a message
     * dispatched while no listener is attached is dropped and recorded with cause {@code NO_LISTENER}.
     */
    DROP_WHEN_NO_LISTENER
}
