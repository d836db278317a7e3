package dev.courier.junit;

import dev.courier.history.AnomalyKind;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a test (or every test of a class, including {@code @Nested} ones) provokes delivery faults on
 * purpose, so strict teardown does not fail it for them. Without kinds every fault strict mode checks is
 * expected ({@link AnomalyKind#WORKER_ERROR}, {@link AnomalyKind#UNHANDLED_MESSAGE_ERROR},
 * {@link AnomalyKind#CLONE_FAILURE}); with kinds, only those are, and the others still fail the test.
 *
 * <p>Worker threads still alive after teardown always fail the test: they are leaks, not faults.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface ExpectDeliveryFaults {

    /** The expected kinds; empty means all. */
    AnomalyKind[] value() default {};
}
