package dev.courier.assertions;

/**
 * A default timeout scoped to one thread by {@link CourierAssertions#useDefaultTimeoutOnThisThread}; closing
 * it restores the thread's previous default.
 *
 * <p>Thread contract: close it on the thread that opened it, once.
 */
@FunctionalInterface
public interface TimeoutScope extends AutoCloseable {

    /** Restores the calling thread's previous default timeout. */
    @Override
    void close();
}
