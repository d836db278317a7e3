package dev.courier.clone;

/**
 * A payload cannot cross a port. Thrown synchronously by {@code postMessage} (nothing is sent) and by
 * {@link StructuredClone#copy}. The message names the path inside the payload, the offending class and
 * what to do instead.
 */
public class DataCloneException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String valueClass;
    private final String problem;
    private final String hint;

    /**
     * @param path       where in the payload, e.g. {@code $.jobs[2].callback}
     * @param valueClass the offending value's class name, or null when the failure is not about one value
     * @param problem    what is wrong, e.g. "a lambda cannot be cloned"
     * @param hint       what to do instead
     */
    public DataCloneException(String path, String valueClass, String problem, String hint) {
        super(format(path, valueClass, problem, hint));
        this.path = path;
        this.valueClass = valueClass;
        this.problem = problem;
        this.hint = hint;
    }

    public DataCloneException(String path, String valueClass, String problem, String hint, Throwable cause) {
        this(path, valueClass, problem, hint);
        initCause(cause);
    }

    private static String format(String path, String valueClass, String problem, String hint) {
        StringBuilder text = new StringBuilder("cannot clone ");
        text.append(path == null ? "$" : path);
        if (valueClass != null) {
            text.append(" (").append(valueClass).append(')');
        }
        text.append(": ").append(problem);
        if (hint != null && !hint.isEmpty()) {
            text.append(". Hint: ").append(hint);
        }
        return text.toString();
    }

    /** Where in the payload the failure is, e.g. {@code $.jobs[2].callback}. */
    public String path() {
        return path;
    }

    /** The offending value's class name, or null. */
    public String valueClass() {
        return valueClass;
    }

    /** What is wrong, e.g. "a lambda cannot be cloned", without the path, class or hint around it. */
    public String problem() {
        return problem;
    }

    /** What to do instead. */
    public String hint() {
        return hint;
    }
}
