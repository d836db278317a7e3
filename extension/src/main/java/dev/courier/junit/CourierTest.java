package dev.courier.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Enables {@link CourierExtension} on a test class or method: {@link Workers}, {@link Probe} and the test's
 * {@link dev.courier.history.DeliveryLog} can be injected, and every worker is closed and checked after each
 * test. Equivalent to {@code @ExtendWith(CourierExtension.class)}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CourierExtension.class)
public @interface CourierTest {
}
