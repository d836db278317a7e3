package dev.courier.junit.internal;

import dev.courier.junit.CodecChoice;
import dev.courier.junit.CourierConfig;
import dev.courier.junit.OverflowChoice;
import dev.courier.junit.PolicyChoice;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One level of the option precedence (method annotation, class annotation, builder, configuration,
 * defaults): a null value is "not set here". {@link #over(Layer)} stacks a level on a lower one. Immutable.
 *
 * @param timeout      the test's default wait bound
 * @param policy       listener policy (never {@code INHERIT})
 * @param capacity     queue capacity, 0 for unbounded
 * @param overflow     overflow policy (never {@code INHERIT})
 * @param codec        codec (never {@code INHERIT})
 * @param retain       whether payloads are retained
 * @param strict       whether faults fail the test at teardown
 * @param drainTimeout how long teardown lets a worker drain
 * @param reportDir    where summary files go, or null for none
 */
public record Layer(Duration timeout, PolicyChoice policy, Integer capacity, OverflowChoice overflow,
                    CodecChoice codec, Boolean retain, Boolean strict, Duration drainTimeout, Path reportDir) {

    /** Nothing set. */
    public static final Layer EMPTY = new Layer(null, null, null, null, null, null, null, null, null);

    /** The built-in defaults: every value but the report directory set. */
    public static final Layer DEFAULTS = new Layer(Duration.parse(CourierConfig.DEFAULT_TIMEOUT),
            PolicyChoice.QUEUE_UNTIL_STARTED, 0, OverflowChoice.BLOCK, CodecChoice.STRUCTURED_CLONE, false, true,
            Duration.parse(CourierConfig.DEFAULT_DRAIN_TIMEOUT), null);

    /** This level where it sets a value, else {@code lower}'s. */
    public Layer over(Layer lower) {
        return new Layer(pick(timeout, lower.timeout), pick(policy, lower.policy), pick(capacity, lower.capacity),
                pick(overflow, lower.overflow), pick(codec, lower.codec), pick(retain, lower.retain),
                pick(strict, lower.strict), pick(drainTimeout, lower.drainTimeout), pick(reportDir, lower.reportDir));
    }

    private static <T> T pick(T mine, T lower) {
        return mine != null ? mine : lower;
    }

    public Layer withTimeout(Duration value) {
        return new Layer(value, policy, capacity, overflow, codec, retain, strict, drainTimeout, reportDir);
    }

    public Layer withPolicy(PolicyChoice value) {
        return new Layer(timeout, value, capacity, overflow, codec, retain, strict, drainTimeout, reportDir);
    }

    public Layer withCapacity(Integer value) {
        return new Layer(timeout, policy, value, overflow, codec, retain, strict, drainTimeout, reportDir);
    }

    public Layer withOverflow(OverflowChoice value) {
        return new Layer(timeout, policy, capacity, value, codec, retain, strict, drainTimeout, reportDir);
    }

    public Layer withCodec(CodecChoice value) {
        return new Layer(timeout, policy, capacity, overflow, value, retain, strict, drainTimeout, reportDir);
    }

    public Layer withRetain(Boolean value) {
        return new Layer(timeout, policy, capacity, overflow, codec, value, strict, drainTimeout, reportDir);
    }

    public Layer withStrict(Boolean value) {
        return new Layer(timeout, policy, capacity, overflow, codec, retain, value, drainTimeout, reportDir);
    }

    public Layer withDrainTimeout(Duration value) {
        return new Layer(timeout, policy, capacity, overflow, codec, retain, strict, value, reportDir);
    }

    public Layer withReportDir(Path value) {
        return new Layer(timeout, policy, capacity, overflow, codec, retain, strict, drainTimeout, value);
    }
}
