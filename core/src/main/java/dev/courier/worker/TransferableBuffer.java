package dev.courier.worker;

import dev.courier.clone.DataCloneException;
import dev.courier.clone.Transferable;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A byte buffer that can be moved to another endpoint without a copy ({@code ArrayBuffer} in Node). Put
 * it in a {@code postMessage} transfer list: the receiver gets a new handle over the same memory and this
 * handle is detached, so every accessor then throws {@link IllegalStateException}. Met in a payload but
 * not listed, it is copied.
 *
 * <p>Thread contract: a handle has one owner at a time; the memory itself is not synchronized. Transfer
 * hands it over with the message (enqueue/dequeue give happens-before). Detaching is visible to all
 * threads.
 */
public final class TransferableBuffer implements Transferable {

    private volatile ByteBuffer memory;
    private volatile long detachedBy;

    private TransferableBuffer(ByteBuffer memory) {
        this.memory = memory;
    }

    /** A zero-filled buffer of {@code bytes} bytes. */
    public static TransferableBuffer allocate(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("buffer size must not be negative, was " + bytes);
        }
        return new TransferableBuffer(ByteBuffer.allocate(bytes));
    }

    /** A buffer over {@code bytes} (not copied). */
    public static TransferableBuffer wrap(byte[] bytes) {
        return new TransferableBuffer(ByteBuffer.wrap(Objects.requireNonNull(bytes, "bytes")));
    }

    private ByteBuffer memory() {
        ByteBuffer current = memory;
        if (current == null) {
            throw new IllegalStateException("buffer was detached by a transfer at message " + detachedBy
                    + "; the receiver owns its memory now");
        }
        return current;
    }

    /** The underlying buffer (the same memory, not a copy). */
    public ByteBuffer buffer() {
        return memory();
    }

    /** The backing array (the same memory, not a copy). */
    public byte[] array() {
        return memory().array();
    }

    public int byteLength() {
        return memory().capacity();
    }

    public byte get(int index) {
        return memory().get(index);
    }

    public TransferableBuffer put(int index, byte value) {
        memory().put(index, value);
        return this;
    }

    /** A copy of the bytes. */
    public byte[] toByteArray() {
        return memory().array().clone();
    }

    public boolean isDetached() {
        return memory == null;
    }

    /** The id of the message that took this buffer's memory, or 0 if it is attached. */
    public long detachedByMessage() {
        return detachedBy;
    }

    @Override
    public boolean transferOnly() {
        return false;
    }

    @Override
    public Transferable copyForClone() {
        ByteBuffer current = memory;
        if (current == null) {
            throw new DataCloneException(null, TransferableBuffer.class.getName(),
                    "buffer was detached by a transfer at message " + detachedBy, "do not send a buffer after transferring it");
        }
        return new TransferableBuffer(ByteBuffer.wrap(current.array().clone()));
    }

    /** The length of the memory {@link #copyForClone()} copies (0 once detached, when it cannot copy). */
    @Override
    public long copySizeBytes() {
        ByteBuffer current = memory;
        return current == null ? 0 : current.capacity();
    }

    /** A new attached handle over this buffer's memory, for the receiving side. */
    TransferableBuffer standIn() {
        return new TransferableBuffer(memory());
    }

    void detach(long messageId) {
        detachedBy = messageId;
        memory = null;
    }

    @Override
    public String toString() {
        ByteBuffer current = memory;
        return current == null ? "TransferableBuffer[detached by message " + detachedBy + "]"
                : "TransferableBuffer[" + current.capacity() + " bytes]";
    }
}
