package dev.courier.fuzz;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Supplier;

/**
 * Generates a {@link FuzzTest} parameter from the generator a provider class supplies. The class needs a no-arg
 * constructor and implements {@link GenProvider} (or {@code Supplier<Gen<T>>}).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface From {

    /** The provider class. */
    Class<? extends Supplier<? extends Gen<?>>> value();
}
