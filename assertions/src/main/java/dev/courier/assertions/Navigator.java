package dev.courier.assertions;

import java.util.function.Function;
import org.assertj.core.api.Assert;

/**
 * How an assert hands over to a child assert ({@code latency()}, {@code hasAnomaly(kind)},
 * {@code history()}) and what happens when the hand-over itself fails: thrown at once, or
 * collected by soft assertions with the child proxied so its failures are collected too.
 *
 * <p>Thread contract: as the asserts using it, confined to the test thread.
 */
interface Navigator {

    /** Plain assertions: children are created directly, failures are thrown. */
    Navigator DIRECT = new Navigator() {
        @Override
        public <A extends Assert<? extends A, ? extends T>, T> A child(Class<A> type, Class<T> actualType, T actual,
                                                                       Function<T, A> direct) {
            return direct.apply(actual);
        }

        @Override
        public void failed(AssertionError error) {
            throw error;
        }
    };

    /** The child assert over {@code actual}. */
    <A extends Assert<? extends A, ? extends T>, T> A child(Class<A> type, Class<T> actualType, T actual,
                                                            Function<T, A> direct);

    /** Reports a failed hand-over: throws it, or collects it and lets the test go on. */
    void failed(AssertionError error);
}
