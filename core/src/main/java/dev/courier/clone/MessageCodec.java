package dev.courier.clone;

/**
 * How a payload crosses a port: encoded on the sender's thread inside {@code postMessage}, decoded on the
 * receiver's thread just before its listeners run.
 *
 * <p>Thread contract: one codec instance serves every port that uses it, from many threads at once, so
 * implementations must be thread-safe (stateless ones are). {@code encode} runs on the posting thread;
 * {@code decode} on the receiving worker's thread. Neither may block indefinitely.
 */
public interface MessageCodec {

    /** A short name for reports, e.g. {@code structured-clone}. */
    String name();

    /**
     * Encodes a payload for the wire. Values in the transfer context must be replaced by the context's
     * replacement rather than copied.
     *
     * @throws DataCloneException if the payload cannot cross; nothing is sent then
     */
    Object encode(Object payload, TransferContext transfers);

    /**
     * Turns the wire form back into the value the receiver sees.
     *
     * @throws Exception any failure; the runtime turns it into a {@code messageerror} on the receiver
     */
    Object decode(Object wire) throws Exception;

    /**
     * Whether the receiver gets the sender's very objects (no copy). Ports that use a sharing codec can
     * snapshot at send and compare at delivery to detect mutation in flight.
     */
    default boolean sharesReferences() {
        return false;
    }
}
