package dev.courier.kafka;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** How the {@link KafkaTopic} injected into this test method is created. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TopicOptions {

    /** Number of partitions. */
    int partitions() default 1;

    /** Topic configs as {@code name=value}, e.g. {@code "max.message.bytes=2048"}. */
    String[] configs() default {};
}
