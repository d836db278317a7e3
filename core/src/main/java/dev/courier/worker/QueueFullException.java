package dev.courier.worker;

/**
 * A bounded queue refused a message: thrown to the sender by {@link OverflowPolicy#FAIL}, and by
 * {@link OverflowPolicy#BLOCK} when no space freed up within the block timeout. The message was
 * recorded as SENT and DROPPED (OVERFLOW) before this was thrown.
 */
public class QueueFullException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String receiver;
    private final int capacity;

    public QueueFullException(String receiver, int capacity, String message) {
        super(message);
        this.receiver = receiver;
        this.capacity = capacity;
    }

    /** The label of the endpoint whose queue was full. */
    public String receiver() {
        return receiver;
    }

    /** The queue's capacity. */
    public int capacity() {
        return capacity;
    }
}
