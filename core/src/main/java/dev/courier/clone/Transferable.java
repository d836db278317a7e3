package dev.courier.clone;

/**
 * A value that can be moved through a transfer list instead of copied: a transferable buffer or a
 * message port. Codecs consult it when such a value is met in a payload without being transferred.
 */
public interface Transferable {

    /**
     * True for values that can never be copied, only transferred (message ports): meeting one outside the
     * transfer list is a {@link DataCloneException}.
     */
    boolean transferOnly();

    /**
     * A copy owning its own memory, for a value met in a payload but not in the transfer list.
     *
     * @throws DataCloneException if the value is transfer-only or already detached
     */
    Transferable copyForClone();

    /**
     * About how many bytes {@link #copyForClone()} allocates, counted against {@code CloneOptions.maxBytes}
     * before the copy is made. Zero by default; a buffer answers its length.
     */
    default long copySizeBytes() {
        return 0;
    }
}
