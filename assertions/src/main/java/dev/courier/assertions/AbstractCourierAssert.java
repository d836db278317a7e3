package dev.courier.assertions;

import dev.courier.assertions.internal.FailureMessage;
import dev.courier.assertions.internal.Verdict;
import java.util.function.Function;
import java.util.function.Supplier;
import org.assertj.core.api.AbstractAssert;

/**
 * Base of every Courier assert: AssertJ's {@link AbstractAssert} plus failure texts that are never
 * re-formatted, and hand-over to child asserts that also works inside {@link CourierSoftAssertions}.
 *
 * <p>Thread contract: like every AssertJ assert, an instance is used by one test thread; the waiting
 * checks of subclasses block that thread, each wait bounded by its timeout.
 *
 * @param <SELF>   the assert's own type
 * @param <ACTUAL> the type of the value under test
 */
public abstract class AbstractCourierAssert<SELF extends AbstractCourierAssert<SELF, ACTUAL>, ACTUAL>
        extends AbstractAssert<SELF, ACTUAL> {

    private Navigator navigator = Navigator.DIRECT;
    private boolean unreachable;

    protected AbstractCourierAssert(ACTUAL actual, Class<?> selfType) {
        super(actual, selfType);
    }

    void navigateWith(Navigator soft) {
        this.navigator = soft;
    }

    /**
     * Whether a check should run: false for a child whose hand-over already failed inside soft
     * assertions (that failure is collected once); otherwise verifies that the actual value is not null.
     */
    protected final boolean proceed() {
        if (unreachable) {
            return false;
        }
        isNotNull();
        return true;
    }

    /** Fails with an already formatted text, prefixed with this assert's description. */
    protected final void failWithText(String text) {
        throwAssertionError(new FailureMessage(text));
    }

    /** Fails with the verdict's text unless it holds; returns its value. */
    protected final <V> V require(Verdict<V> verdict) {
        if (!verdict.isHeld()) {
            failWithText(verdict.failure());
        }
        return verdict.value();
    }

    /**
     * Hands over to a child assert over the verdict's value when it holds; otherwise reports the verdict's
     * failure (thrown, or collected in soft assertions, in which case the returned child skips its checks).
     */
    protected final <A extends AbstractCourierAssert<A, T>, T> A navigate(Class<A> type, Class<T> actualType,
                                                                         Function<T, A> create,
                                                                         Supplier<Verdict<T>> verdict) {
        if (!proceed()) {
            return unreachableChild(type, actualType, create);
        }
        Verdict<T> found = verdict.get();
        if (found.isHeld()) {
            return navigator.child(type, actualType, found.value(), create);
        }
        navigator.failed(assertionError(new FailureMessage(found.failure())));
        return unreachableChild(type, actualType, create);
    }

    private <A extends AbstractCourierAssert<A, T>, T> A unreachableChild(Class<A> type, Class<T> actualType,
                                                                          Function<T, A> create) {
        A child = navigator.child(type, actualType, null, create);
        ((AbstractCourierAssert<?, ?>) child).unreachable = true;
        return child;
    }
}
