package dev.courier.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.assertions.CourierAssertions;
import dev.courier.junit.fixtures.PlainFixture;
import dev.courier.junit.fixtures.PrecedenceFixture;
import dev.courier.worker.ListenerPolicy;
import dev.courier.worker.OverflowPolicy;
import dev.courier.worker.WorkerOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;

@ExtendWith(TimeoutFactorSetAside.class)
class OptionPrecedenceTests {

    private static final Map<String, String> CONFIG = Map.of(
            CourierConfig.TIMEOUT_DEFAULT, "1s",
            CourierConfig.LISTENER_POLICY, "drop_when_no_listener",
            CourierConfig.CAPACITY, "2",
            CourierConfig.OVERFLOW, "DROP_NEWEST",
            CourierConfig.DRAIN_TIMEOUT, "PT0.75S");

    @BeforeEach
    void reset() {
        PrecedenceFixture.SEEN.clear();
        PrecedenceFixture.ASSERTION_TIMEOUTS.clear();
        PlainFixture.SEEN.clear();
    }

    @Test
    void methodAnnotationWinsOverClassBuilderAndConfiguration() {
        // GIVEN configuration, a builder, a class annotation and a method annotation
        // WHEN the fixture runs
        WorkerOptions options = runPrecedence().get("methodLevel").options();

        // THEN each option comes from the highest level that sets it
        assertThat(options.capacity()).isEqualTo(16);                              // method
        assertThat(PrecedenceFixture.SEEN.get("methodLevel").timeout()).isEqualTo(Duration.ofSeconds(3)); // class
        assertThat(options.overflow()).isEqualTo(OverflowPolicy.DROP_OLDEST);      // builder
        assertThat(options.retainPayloads()).isTrue();                             // builder
        assertThat(options.listenerPolicy()).isEqualTo(ListenerPolicy.DROP_WHEN_NO_LISTENER); // configuration
        assertThat(options.drainTimeout()).isEqualTo(Duration.ofMillis(750));      // configuration
        assertThat(options.codec().name()).isEqualTo("structured-clone");          // default
    }

    @Test
    void eachTestsTimeoutIsTheDefaultOfCourierAssertionsOnItsThreadOnly() {
        // GIVEN a class timeout of 3 s and a nested method timeout of 500 ms
        Duration outside = CourierAssertions.defaultTimeout();

        // WHEN the fixture runs
        runPrecedence();

        // THEN assertions inside each test wait by that test's timeout, and the caller's default is untouched
        assertThat(PrecedenceFixture.ASSERTION_TIMEOUTS).containsEntry("classLevel", Duration.ofSeconds(3))
                .containsEntry("nestedMethodLevel", Duration.ofMillis(500));
        assertThat(CourierAssertions.defaultTimeout()).isEqualTo(outside);
    }

    @Test
    void classAnnotationWinsOverBuilder() {
        // GIVEN a method without annotation in a class with capacity 8 and a builder with capacity 4
        // WHEN the fixture runs
        WorkerOptions options = runPrecedence().get("classLevel").options();

        // THEN the class capacity applies
        assertThat(options.capacity()).isEqualTo(8);
    }

    @Test
    void nestedClassesInheritFromEnclosingClassesAndOverrideThem() {
        // GIVEN a @Nested class (unbounded, FAIL) inside the annotated class, and a method in it (32, 500 ms)
        Map<String, Workers> seen = runPrecedence();

        // THEN the nested class overrides the enclosing capacity and overflow, and inherits its timeout
        Workers nested = seen.get("nestedClassLevel");
        assertThat(nested.options().isBounded()).isFalse();
        assertThat(nested.options().overflow()).isEqualTo(OverflowPolicy.FAIL);
        assertThat(nested.timeout()).isEqualTo(Duration.ofSeconds(3));
        // AND its method overrides it in turn
        Workers method = seen.get("nestedMethodLevel");
        assertThat(method.options().capacity()).isEqualTo(32);
        assertThat(method.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(method.options().overflow()).isEqualTo(OverflowPolicy.FAIL);
    }

    @Test
    void configurationAppliesWithoutAnnotationsOrBuilder() {
        // GIVEN plain @ExtendWith and configuration parameters
        EngineExecutionResults results = FixtureRuns.run(PlainFixture.class, CONFIG);

        // THEN the configuration parameters are the options
        assertThat(results.testEvents().succeeded().count()).isEqualTo(1);
        Workers workers = PlainFixture.SEEN.get("plain");
        assertThat(workers.options().capacity()).isEqualTo(2);
        assertThat(workers.options().overflow()).isEqualTo(OverflowPolicy.DROP_NEWEST);
        assertThat(workers.timeout()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void builtInDefaultsApplyWhenNothingIsConfigured() {
        // GIVEN plain @ExtendWith and no configuration
        FixtureRuns.run(PlainFixture.class, Map.of());

        // THEN the built-in defaults apply
        Workers workers = PlainFixture.SEEN.get("plain");
        assertThat(workers.options().isBounded()).isFalse();
        assertThat(workers.options().listenerPolicy()).isEqualTo(ListenerPolicy.QUEUE_UNTIL_STARTED);
        assertThat(workers.options().retainPayloads()).isFalse();
        assertThat(workers.options().drainTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(workers.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void invalidConfigurationFailsTheTestNamingTheKey() {
        // GIVEN a capacity that is not a number
        EngineExecutionResults results = FixtureRuns.run(PlainFixture.class, Map.of(CourierConfig.CAPACITY, "lots"));

        // THEN the test fails naming the key, the allowed values and the given text
        assertThat(FixtureRuns.failureOf(results)).hasMessage("configuration parameter courier.capacity must be 0 "
                + "(unbounded) or a positive integer, got 'lots'");
    }

    private static Map<String, Workers> runPrecedence() {
        EngineExecutionResults results = FixtureRuns.run(PrecedenceFixture.class, CONFIG);
        assertThat(FixtureRuns.failures(results)).isEmpty();
        assertThat(results.testEvents().succeeded().count()).isEqualTo(4);
        return PrecedenceFixture.SEEN;
    }
}
