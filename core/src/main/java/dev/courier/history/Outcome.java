package dev.courier.history;

/** The outcome carried by {@link EventKind#HANDLED} and {@link EventKind#MESSAGE_ERROR} events. */
public enum Outcome {
    /** Not applicable to this event kind. */
    NONE,
    /** HANDLED: every listener returned normally. */
    OK,
    /** HANDLED: a listener threw; the error is attached. */
    THREW,
    /** MESSAGE_ERROR: a {@code messageerror} listener received the error. */
    HANDLED,
    /** MESSAGE_ERROR: no {@code messageerror} listener was registered: in Node this would be silent. */
    UNHANDLED;

    private static final Outcome[] VALUES = values();

    /** The constant for an ordinal. */
    public static Outcome ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
