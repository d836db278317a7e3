package dev.courier.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.assertions.CourierAssertions;
import dev.courier.junit.fixtures.PlainFixture;
import dev.courier.junit.fixtures.TapFixture;
import dev.courier.junit.fixtures.TimeoutFactorFixture;
import dev.courier.worker.MessagePort;
import dev.courier.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** {@code courier.timeout.factor} scales the extension's own timeouts: probe waits and teardown bounds. */
@ExtendWith(TimeoutFactorSetAside.class)
@CourierTest
class TimeoutFactorTests {

    @AfterEach
    void forgetTheFactor() {
        CourierAssertions.resetTimeoutFactor();
    }

    @Test
    void aProbeWaitIsMultipliedByTheFactorAndSaysSo(Probe probe) {
        // GIVEN a timeout factor of 3 and a probe that gets nothing
        CourierAssertions.setTimeoutFactor(3);

        // WHEN it waits 100 ms / THEN the failure names the tripled bound and the factor
        assertThatThrownBy(() -> probe.receive(Duration.ofMillis(100))).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("probe `" + probe.label() + "` expected a message within 300 ms (100 ms × "
                        + "timeout factor 3) but none arrived");
        assertThatThrownBy(() -> probe.receiveN(2, Duration.ofMillis(20))).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("probe `" + probe.label() + "` expected 2 messages within 60 ms (20 ms × "
                        + "timeout factor 3) but 0 arrived");
        assertThatThrownBy(() -> probe.expectMessage(data -> true, Duration.ofMillis(20)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("probe `" + probe.label() + "` expected a message matching the predicate "
                        + "within 60 ms (20 ms × timeout factor 3) but none arrived");
    }

    @Test
    @DeliveryOptions(timeout = "PT0.1S")
    void theProbesDefaultTimeoutIsMultipliedToo(Probe probe) {
        // GIVEN a test timeout of 100 ms and a factor of 3
        CourierAssertions.setTimeoutFactor(3);

        // WHEN the probe waits without a bound / THEN it waited the tripled default
        assertThatThrownBy(probe::receive).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("probe `" + probe.label() + "` expected a message within 300 ms (100 ms × "
                        + "timeout factor 3) but none arrived");
    }

    @Test
    void expectNothingForNamesTheScaledWindow(Probe probe) {
        // GIVEN a factor of 3 and a message already waiting
        CourierAssertions.setTimeoutFactor(3);
        probe.port().postMessage("early");

        // WHEN nothing is expected for 20 ms / THEN the failure names the scaled window
        assertThatThrownBy(() -> probe.expectNothingFor(Duration.ofMillis(20))).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("probe `" + probe.label() + "` expected no message for 60 ms (20 ms × timeout "
                        + "factor 3) but got early (String)");
    }

    @Test
    void aMessageLaterThanTheGivenBoundButWithinTheScaledOneIsReceived(Workers workers, Probe probe) {
        // GIVEN a worker that answers on the probe's port 400 ms after it gets it, and a factor of 10
        Worker worker = workers.start("slow", ctx -> ctx.parentPort().onMessage(event -> {
            MessagePort reply = event.ports().get(0);
            ctx.setTimeout(() -> reply.postMessage("late"), Duration.ofMillis(400));
        }));
        CourierAssertions.setTimeoutFactor(10);
        worker.postMessage("go", List.of(probe.port()));

        // WHEN the probe waits 200 ms (2 s once scaled) / THEN the late answer arrives within the wait
        assertThat(probe.receive(Duration.ofMillis(200))).isEqualTo("late");
    }

    @Test
    void aWorkersCloseBoundsAreMultipliedOnRealTime() {
        // GIVEN a factor of 2
        PlainFixture.SEEN.clear();
        CourierAssertions.setTimeoutFactor(2);

        // WHEN a test gets its Workers
        EngineExecutionResults results = FixtureRuns.run(PlainFixture.class, Map.of(CourierConfig.DRAIN_TIMEOUT,
                "1s"));

        // THEN its workers' drain and stop bounds are doubled
        assertThat(FixtureRuns.failures(results)).isEmpty();
        Workers workers = PlainFixture.SEEN.get("plain");
        assertThat(workers.options().drainTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(workers.options().stopTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(workers.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void teardownWaitsTheScaledBoundForABusyExecutorAndSaysSo() {
        // GIVEN a factor of 2 and an executor held past the fixture's 300 ms timeout
        CourierAssertions.setTimeoutFactor(2);
        TapFixture.release = new CountDownLatch(1);
        try {
            // WHEN its test ends
            EngineExecutionResults results = FixtureRuns.run(TapFixture.class, "tappedExecutorLeftBusyFailsTheTest");

            // THEN teardown waited 600 ms and names both bounds
            assertThat(FixtureRuns.failureOf(results)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("executor `executor:busy` did not finish its tasks within 600 ms (300 ms × "
                            + "timeout factor 2) of teardown");
        } finally {
            TapFixture.release.countDown();
        }
    }

    @Test
    void theConfigurationParameterScalesTheTestsTimeoutsOnItsThreadOnly() {
        // GIVEN the configuration parameter courier.timeout.factor=3 (as in junit-platform.properties)
        TimeoutFactorFixture.SEEN.clear();

        // WHEN a test waits 20 ms on a probe that gets nothing
        EngineExecutionResults results = FixtureRuns.run(TimeoutFactorFixture.class, Map.of(
                CourierConfig.TIMEOUT_FACTOR, "3", CourierConfig.DRAIN_TIMEOUT, "1s"));

        // THEN its wait and its workers' bounds were tripled, and the factor ended with the test
        assertThat(FixtureRuns.failureOf(results)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected a message within 60 ms (20 ms × timeout factor 3) but none arrived");
        assertThat(TimeoutFactorFixture.SEEN.get("factor")).isEqualTo(3.0);
        assertThat(((Workers) TimeoutFactorFixture.SEEN.get("workers")).options().drainTimeout())
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(CourierAssertions.timeoutFactor()).isEqualTo(1.0);
    }

    @Test
    void aFactorSetInCodeWinsOverTheConfigurationParameter() {
        // GIVEN a factor of 2 set in code and the parameter at 3
        CourierAssertions.setTimeoutFactor(2);
        TimeoutFactorFixture.SEEN.clear();

        // WHEN the test runs
        FixtureRuns.run(TimeoutFactorFixture.class, Map.of(CourierConfig.TIMEOUT_FACTOR, "3"));

        // THEN it saw the factor set in code
        assertThat(TimeoutFactorFixture.SEEN.get("factor")).isEqualTo(2.0);
    }

    @Test
    void aBadConfiguredFactorFailsTheTestNamingTheParameter() {
        // GIVEN / WHEN a factor that is not a number
        EngineExecutionResults results = FixtureRuns.run(TimeoutFactorFixture.class,
                Map.of(CourierConfig.TIMEOUT_FACTOR, "slow"));

        // THEN the test fails before it runs, naming the parameter and the value
        assertThat(FixtureRuns.failureOf(results)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("configuration parameter courier.timeout.factor: cannot read 'slow' as a timeout factor; "
                        + "use a positive number such as 2 or 1.5");
        assertThat(CourierAssertions.timeoutFactor()).isEqualTo(1.0);
    }
}
