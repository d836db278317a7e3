package dev.courier.clone;

/**
 * The values of one {@code postMessage} call's transfer list, each with the object that stands for it on
 * the receiving side. Built by the runtime, read by a codec during one {@code encode} call.
 *
 * <p>Thread contract: confined to the posting thread for the duration of one encode.
 */
public interface TransferContext {

    /** No transfer list. */
    TransferContext NONE = original -> null;

    /** The receiving side's stand-in for {@code original}, or null if {@code original} is not transferred. */
    Object replacement(Object original);
}
