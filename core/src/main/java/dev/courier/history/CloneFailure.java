package dev.courier.history;

/**
 * A CLONE_FAILED event: {@code postMessage} could not encode a payload, nothing was sent.
 *
 * @param sender     sender label
 * @param receiver   intended receiver label, or null
 * @param path       where in the payload, e.g. {@code $.jobs[2].callback}, or null if unknown
 * @param valueClass the offending class name, or null if unknown
 * @param problem    what is wrong, or null if unknown
 * @param hint       what to do instead (from the exception), or null
 * @param error      the recorded exception, or null
 * @param eventIndex index of the event
 */
public record CloneFailure(String sender, String receiver, String path, String valueClass, String problem,
                           String hint, Throwable error, long eventIndex) {
}
