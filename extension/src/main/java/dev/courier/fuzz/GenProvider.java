package dev.courier.fuzz;

import java.util.function.Supplier;

/**
 * Supplies a generator for {@link From @From}; implementations need a public or package-private no-arg
 * constructor and are created once per property run.
 *
 * @param <T> the type of generated values
 */
@FunctionalInterface
public interface GenProvider<T> extends Supplier<Gen<T>> {
}
