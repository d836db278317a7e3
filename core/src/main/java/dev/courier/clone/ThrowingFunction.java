package dev.courier.clone;

/**
 * A function that may throw a checked exception, so that encoders such as Jackson's
 * {@code ObjectMapper::writeValueAsBytes} plug into {@link Codecs#of} as method references.
 *
 * @param <T> input type
 * @param <R> result type
 */
@FunctionalInterface
public interface ThrowingFunction<T, R> {

    /** Applies the function. */
    R apply(T value) throws Exception;
}
