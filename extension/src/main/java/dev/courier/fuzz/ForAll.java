package dev.courier.fuzz;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Generates a {@link FuzzTest} parameter from a no-arg method of the test class (static or instance, any
 * visibility, inherited ones included) that returns a {@link Gen}.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ForAll {

    /** The name of the method returning the generator. */
    String value();
}
