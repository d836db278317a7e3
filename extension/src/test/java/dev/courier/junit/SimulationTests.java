package dev.courier.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.junit.fixtures.SimulationFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class SimulationTests {

    private static final Map<String, Object> SEEN = SimulationFixture.SEEN;

    @BeforeEach
    void reset() {
        SEEN.clear();
    }

    @Test
    void aSimulationParameterRunsTheTestsWorkersWithoutThreadsOnExactVirtualTime() {
        // GIVEN a @CourierTest that declares a Simulation and a worker registering its listener in a 40 ms timer
        // WHEN it runs with a configured seed
        EngineExecutionResults results = FixtureRuns.run(SimulationFixture.class, "lateListenerInASimulation",
                Map.of(CourierConfig.SIMULATION_SEED, "7"));

        // THEN it passes teardown, its worker is numbered within the simulation, the delay is exact, no courier
        // thread was started, and the simulation got the configured seed
        assertThat(FixtureRuns.failures(results)).isEmpty();
        assertThat(SEEN.get("label")).isEqualTo("transcoder#1");
        assertThat(SEEN.get("explanation")).isEqualTo("1 message to worker `transcoder#1` was dropped (NO_LISTENER) "
                + "because it registered its message listener 40 ms after it started; register listeners "
                + "synchronously at the top of the script");
        assertThat(SEEN.get("threads")).isEqualTo(List.of());
        assertThat(SEEN.get("seed")).isEqualTo(7L);
    }

    @Test
    void anUnreadableSeedFailsTheTestNamingTheKey() {
        // GIVEN / WHEN the fixture runs with a seed that is not a number
        EngineExecutionResults results = FixtureRuns.run(SimulationFixture.class, "lateListenerInASimulation",
                Map.of(CourierConfig.SIMULATION_SEED, "lucky"));

        // THEN it fails with the key and the value
        assertThat(FixtureRuns.failureOf(results))
                .hasMessageContaining("configuration parameter courier.simulation.seed must be a whole number, got 'lucky'");
    }
}
