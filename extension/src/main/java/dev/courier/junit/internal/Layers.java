package dev.courier.junit.internal;

import dev.courier.history.internal.DurationText;
import dev.courier.junit.CodecChoice;
import dev.courier.junit.CourierConfig;
import dev.courier.junit.DeliveryOptions;
import dev.courier.junit.OverflowChoice;
import dev.courier.junit.PolicyChoice;
import dev.courier.junit.RetainChoice;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.platform.commons.support.AnnotationSupport;

/** Reads the precedence levels and stacks them: method, classes (innermost first), builder, configuration, defaults. */
public final class Layers {

    private Layers() {
    }

    /**
     * The effective options of a test.
     *
     * @param testClass  the (possibly {@code @Nested}) test class
     * @param testMethod the test method, or null outside a test
     * @param builder    the builder's level
     * @param config     configuration lookup by key
     */
    public static Layer resolve(Class<?> testClass, Method testMethod, Layer builder,
                                Function<String, Optional<String>> config) {
        Layer stacked = fromConfig(config).over(Layer.DEFAULTS);
        stacked = builder.over(stacked);
        for (Class<?> level : ClassChain.outermostFirst(testClass)) {
            stacked = fromAnnotated(level).over(stacked);
        }
        if (testMethod != null) {
            stacked = fromAnnotated(testMethod).over(stacked);
        }
        return stacked;
    }

    static Layer fromAnnotated(AnnotatedElement element) {
        return AnnotationSupport.findAnnotation(element, DeliveryOptions.class)
                .map(options -> fromAnnotation(options, "@DeliveryOptions on " + ClassChain.describe(element)))
                .orElse(Layer.EMPTY);
    }

    static Layer fromAnnotation(DeliveryOptions options, String where) {
        Layer layer = Layer.EMPTY;
        if (options.listenerPolicy() != PolicyChoice.INHERIT) {
            layer = layer.withPolicy(options.listenerPolicy());
        }
        if (options.capacity() < -1) {
            throw new IllegalArgumentException(where + ": capacity must be positive, 0 (unbounded) or -1 (inherit), was "
                    + options.capacity());
        }
        if (options.capacity() != -1) {
            layer = layer.withCapacity(options.capacity());
        }
        if (options.overflow() != OverflowChoice.INHERIT) {
            layer = layer.withOverflow(options.overflow());
        }
        if (options.codec() != CodecChoice.INHERIT) {
            layer = layer.withCodec(options.codec());
        }
        if (options.retainPayloads() != RetainChoice.INHERIT) {
            layer = layer.withRetain(options.retainPayloads() == RetainChoice.RETAIN);
        }
        if (!options.timeout().isEmpty()) {
            layer = layer.withTimeout(DurationText.parse(where + ": timeout", options.timeout()));
        }
        return layer;
    }

    static Layer fromConfig(Function<String, Optional<String>> config) {
        Layer layer = Layer.EMPTY;
        Optional<String> timeout = config.apply(CourierConfig.TIMEOUT_DEFAULT);
        if (timeout.isPresent()) {
            layer = layer.withTimeout(DurationText.parse(where(CourierConfig.TIMEOUT_DEFAULT), timeout.get()));
        }
        Optional<String> policy = config.apply(CourierConfig.LISTENER_POLICY);
        if (policy.isPresent()) {
            layer = layer.withPolicy(choice(PolicyChoice.class, CourierConfig.LISTENER_POLICY, policy.get()));
        }
        Optional<String> capacity = config.apply(CourierConfig.CAPACITY);
        if (capacity.isPresent()) {
            layer = layer.withCapacity(capacity(capacity.get()));
        }
        Optional<String> overflow = config.apply(CourierConfig.OVERFLOW);
        if (overflow.isPresent()) {
            layer = layer.withOverflow(choice(OverflowChoice.class, CourierConfig.OVERFLOW, overflow.get()));
        }
        Optional<String> strict = config.apply(CourierConfig.STRICT);
        if (strict.isPresent()) {
            layer = layer.withStrict(bool(CourierConfig.STRICT, strict.get()));
        }
        Optional<String> drain = config.apply(CourierConfig.DRAIN_TIMEOUT);
        if (drain.isPresent()) {
            layer = layer.withDrainTimeout(DurationText.parse(where(CourierConfig.DRAIN_TIMEOUT), drain.get()));
        }
        Optional<String> dir = config.apply(CourierConfig.REPORT_DIR).filter(text -> !text.isBlank());
        if (dir.isPresent()) {
            layer = layer.withReportDir(Path.of(dir.get().trim()));
        }
        return layer;
    }

    private static String where(String key) {
        return "configuration parameter " + key;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String key, String text) {
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name) && !name.equals("INHERIT")) {
                return constant;
            }
        }
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).filter(n -> !n.equals("INHERIT"))
                .reduce((a, b) -> a + ", " + b).orElse("");
        throw new IllegalArgumentException(where(key) + " must be one of " + allowed + ", got '" + text + "'");
    }

    private static int capacity(String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(where(CourierConfig.CAPACITY)
                + " must be 0 (unbounded) or a positive integer, got '" + text + "'");
    }

    private static boolean bool(String key, String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(where(key) + " must be true or false, got '" + text + "'");
    }
}
