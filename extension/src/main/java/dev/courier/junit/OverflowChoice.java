package dev.courier.junit;

/** {@link DeliveryOptions#overflow()}: an overflow policy, or {@link #INHERIT} to use the next level's. */
public enum OverflowChoice {
    /** Not set here: the enclosing class, builder, configuration or default decides. */
    INHERIT,
    /** The sender waits for space, bounded, then fails. */
    BLOCK,
    /** The new message is dropped. */
    DROP_NEWEST,
    /** The oldest queued message is dropped. */
    DROP_OLDEST,
    /** The new message is dropped and the sender fails. */
    FAIL
}
