package dev.courier.assertions;

import java.util.function.Function;
import org.assertj.core.api.Assert;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Soft hand-over: children are AssertJ soft proxies of the same soft assertions, into which failed
 * hand-overs are collected.
 *
 * <p>Thread contract: confined to the thread running the soft assertions, like AssertJ's.
 */
final class SoftNavigator implements Navigator {

    private final SoftAssertionsProvider softly;

    /** Hands over to proxies of {@code softly} and collects failed hand-overs there. */
    SoftNavigator(SoftAssertionsProvider softly) {
        this.softly = softly;
    }

    @Override
    public <A extends Assert<? extends A, ? extends T>, T> A child(Class<A> type, Class<T> actualType, T actual,
                                                                   Function<T, A> direct) {
        A proxy = softly.proxy(type, actualType, actual);
        if (proxy instanceof AbstractCourierAssert<?, ?> courier) {
            courier.navigateWith(this);
        }
        return proxy;
    }

    @Override
    public void failed(AssertionError error) {
        softly.collectAssertionError(error);
    }
}
