package dev.courier.junit;

/** {@link DeliveryOptions#listenerPolicy()}: a listener policy, or {@link #INHERIT} to use the next level's. */
public enum PolicyChoice {
    /** Not set here: the enclosing class, builder, configuration or default decides. */
    INHERIT,
    /** Ports buffer messages until a listener is attached (Node's semantics). */
    QUEUE_UNTIL_STARTED,
    /** Messages dispatched while no listener is attached are dropped (NO_LISTENER). */
    DROP_WHEN_NO_LISTENER
}
