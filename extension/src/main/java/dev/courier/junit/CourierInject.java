package dev.courier.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a non-static, non-final field of type {@link Workers}, {@link Probe} or
 * {@link dev.courier.history.DeliveryLog} that {@link CourierExtension} assigns before each test (before
 * {@code @BeforeEach} methods run), also under {@code @TestInstance(PER_CLASS)}, so a field never holds a previous
 * test's state. Each {@code Probe} field gets its own probe; all share the test's log. Only annotated fields are
 * injected.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CourierInject {
}
