package dev.courier.assertions;

/**
 * A default timeout (or timeout factor) scoped to one thread by {@link CourierAssertions#useDefaultTimeoutOnThisThread}
 * or {@link CourierAssertions#useTimeoutFactorOnThisThread}; closing it restores the thread's previous value.
 *
 * <p>Thread contract: close it on the thread that opened it, once.
 */
@FunctionalInterface
public interface TimeoutScope extends AutoCloseable {

    /** Restores the calling thread's previous default timeout (or timeout factor). */
    @Override
    void close();
}
