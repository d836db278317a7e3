package dev.courier.node;

/**
 * A JavaScript error recorded by a Node.js program (an uncaught exception, a {@code DataCloneError}, a listener
 * that threw), carried into the history as a {@link Throwable}. Its Java stack is empty; {@link #nodeStack()} is
 * the JavaScript stack as Node printed it.
 *
 * <p>Thread contract: immutable.
 */
public final class NodeError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String nodeMessage;
    private final String nodeStack;

    public NodeError(String name, String message, String stack) {
        super(name + ": " + message, null, false, false);
        this.name = name;
        this.nodeMessage = message;
        this.nodeStack = stack == null ? "" : stack;
    }

    /** The error's {@code name}, e.g. {@code DataCloneError}, {@code TypeError}. */
    public String name() {
        return name;
    }

    /** The error's {@code message}. */
    public String nodeMessage() {
        return nodeMessage;
    }

    /** The JavaScript stack ({@code error.stack}), possibly empty. */
    public String nodeStack() {
        return nodeStack;
    }

    /** The first stack frame outside Node's own code and Courier's instrumentation, or empty. */
    public String where() {
        for (String line : nodeStack.split("\n")) {
            String frame = line.strip();
            if (frame.startsWith("at ") && !frame.contains("node:internal") && !frame.contains("courier-preload")) {
                return frame.substring(3);
            }
        }
        return "";
    }

    @Override
    public String toString() {
        return name + ": " + nodeMessage;
    }
}
