package dev.courier.junit;

/** {@link DeliveryOptions#retainPayloads()}: whether payloads are kept in the history, or inherited. */
public enum RetainChoice {
    /** Not set here: the enclosing class, builder or default (not retained) decides. */
    INHERIT,
    /** Sent and delivered payloads are attached to SENT and DELIVERED events. */
    RETAIN,
    /** Payloads are not kept. */
    DISCARD
}
