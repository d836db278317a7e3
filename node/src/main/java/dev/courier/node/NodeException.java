package dev.courier.node;

/**
 * A Node.js program could not be run or did not finish as required: no {@code node} binary, a Node.js that is too
 * old, a script that does not exist or throws, a program that did not exit within its timeout. The message names
 * what is wrong and the fix; for a timeout it includes the program's last recorded state.
 *
 * <p>Thread contract: immutable.
 */
public final class NodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NodeException(String message) {
        super(message);
    }

    public NodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
