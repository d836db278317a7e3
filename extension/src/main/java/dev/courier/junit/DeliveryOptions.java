package dev.courier.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The delivery options of the workers, channels and probes a test gets from {@link CourierExtension}.
 *
 * <p>Precedence, attribute by attribute: on the test method, then on the test class, then on each enclosing
 * class of a {@code @Nested} class (innermost first), then the {@link CourierExtension#builder() builder}, then
 * the {@link CourierConfig} configuration parameters (or system properties), then the built-in defaults. An
 * attribute left at its sentinel ({@code INHERIT}, {@code -1}, {@code ""}) falls through to the next level.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface DeliveryOptions {

    /** What ports do with messages while no listener is attached. */
    PolicyChoice listenerPolicy() default PolicyChoice.INHERIT;

    /** Queue capacity of every port: positive, {@code 0} for unbounded, {@code -1} to inherit. */
    int capacity() default -1;

    /** What a full bounded queue does. */
    OverflowChoice overflow() default OverflowChoice.INHERIT;

    /** How payloads cross. */
    CodecChoice codec() default CodecChoice.INHERIT;

    /** Whether sent and delivered payloads are kept in the history. */
    RetainChoice retainPayloads() default RetainChoice.INHERIT;

    /** The test's default wait bound, ISO-8601 (e.g. {@code PT2S}) or short ({@code 2s}); empty to inherit. */
    String timeout() default "";
}
