package dev.courier.clone.internal;

import java.io.ObjectInputFilter;
import java.util.Set;

/**
 * The default allowlist of the Java serialization codec: the payload's own packages (those of the
 * classes written during encode) plus java.base value types. Everything else is rejected, and the
 * first rejected class is remembered for the error message.
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

    private final Set<String> payloadPackages;
    private final ObjectInputFilter userFilter;
    private volatile String rejected;

    SerializationAllowlist(Set<String> payloadPackages, ObjectInputFilter userFilter) {
        this.payloadPackages = payloadPackages;
        this.userFilter = userFilter;
    }

    /** The first class this filter rejected, or null. */
    String rejected() {
        return rejected;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (userFilter != null) {
            Status verdict = userFilter.checkInput(info);
            if (verdict != Status.UNDECIDED) {
                if (verdict == Status.REJECTED && rejected == null && info.serialClass() != null) {
                    rejected = info.serialClass().getName();
                }
                return verdict;
            }
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return Status.UNDECIDED;
        }
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        if (element.isPrimitive() || allowed(element)) {
            return Status.ALLOWED;
        }
        if (rejected == null) {
            rejected = element.getName();
        }
        return Status.REJECTED;
    }

    private boolean allowed(Class<?> type) {
        String pkg = type.getPackageName();
        if (!JdkTypes.isJdk(type)) {
            return payloadPackages.contains(pkg);
        }
        if (JAVA_LANG.contains(type.getName()) || (pkg.equals("java.lang") && Throwable.class.isAssignableFrom(type))) {
            return true;
        }
        // ConcurrentHashMap's serial form contains lock segments
        return JAVA_PACKAGES.contains(pkg) || type.getName().startsWith("java.util.concurrent.locks.");
    }
}
