package dev.courier.clone.internal;

import java.io.ObjectInputFilter;
import java.util.Set;

/**
 * The filter every decode of the Java serialization codec reads through. In order: the limits (JEP 290's
 * {@code maxdepth}, {@code maxrefs}, {@code maxarray}, {@code maxbytes}); the user's filter, when given
 * (what it allows or rejects is final); the classes and packages the receiving codec was told to allow; and
 * java.base value types. Everything else is rejected. Nothing here comes from the wire: the allowlist is the
 * receiving codec's own. The first rejection is remembered, with its reason, for the error message.
 *
 * <p>Thread contract: one instance per decode, confined to the decoding thread.
 */
final class SerializationAllowlist implements ObjectInputFilter {

    private static final Set<String> JAVA_LANG = Set.of("java.lang.Object", "java.lang.String", "java.lang.Boolean",
            "java.lang.Character", "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
            "java.lang.Float", "java.lang.Double", "java.lang.Number", "java.lang.Enum",
            "java.lang.StackTraceElement");
    private static final Set<String> JAVA_PACKAGES = Set.of("java.util", "java.util.concurrent",
            "java.util.concurrent.atomic", "java.time", "java.time.chrono", "java.time.zone", "java.math");

    private final SerializationLimits limits;
    private final long streamLength;
    private final ObjectInputFilter named;
    private final ObjectInputFilter userFilter;
    private String rejected;
    private String reason;

    /**
     * @param limits       the limits to enforce
     * @param streamLength the length of the serialized form, bounding arrays and references by default
     * @param named        the classes and packages the codec allows besides java.base value types, or null
     * @param userFilter   consulted after the limits and before the allowlist, or null
     */
    SerializationAllowlist(SerializationLimits limits, long streamLength, ObjectInputFilter named,
                           ObjectInputFilter userFilter) {
        this.limits = limits;
        this.streamLength = streamLength;
        this.named = named;
        this.userFilter = userFilter;
    }

    /** The first class this filter rejected (or, for a limit, the class being read), or null. */
    String rejected() {
        return rejected;
    }

    /** Why the first rejection happened: a limit, or null for a class outside the allowlist. */
    String reason() {
        return reason;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        String limit = limits.exceeded(info, streamLength);
        if (limit != null) {
            return reject(info.serialClass() == null ? "(a back-reference)" : elementOf(info.serialClass()).getName(),
                    limit);
        }
        if (userFilter != null) {
            Status verdict = userFilter.checkInput(info);
            if (verdict != Status.UNDECIDED) {
                if (verdict == Status.REJECTED && info.serialClass() != null) {
                    reject(elementOf(info.serialClass()).getName(), null);
                }
                return verdict;
            }
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return Status.UNDECIDED;
        }
        Class<?> element = elementOf(type);
        if (element.isPrimitive() || allowedJdkValue(element)
                || (named != null && named.checkInput(info) == Status.ALLOWED)) {
            return Status.ALLOWED;
        }
        return reject(element.getName(), null);
    }

    private Status reject(String className, String why) {
        if (rejected == null) {
            rejected = className;
            reason = why;
        }
        return Status.REJECTED;
    }

    private static Class<?> elementOf(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        return element;
    }

    private static boolean allowedJdkValue(Class<?> type) {
        if (!JdkTypes.isJdk(type)) {
            return false;
        }
        String pkg = type.getPackageName();
        if (JAVA_LANG.contains(type.getName()) || (pkg.equals("java.lang") && Throwable.class.isAssignableFrom(type))) {
            return true;
        }
        // ConcurrentHashMap's serial form contains lock segments
        return JAVA_PACKAGES.contains(pkg) || type.getName().startsWith("java.util.concurrent.locks.");
    }
}
