package dev.courier.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.junit.fixtures.ManualClockFixture;
import dev.courier.sim.ManualClock;
import dev.courier.worker.Scheduler;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class ManualClockTests {

    private static final Map<String, Object> SEEN = ManualClockFixture.SEEN;

    @BeforeEach
    void reset() {
        SEEN.clear();
    }

    @Test
    void aManualClockParameterMakesLateListenerExplanationsExact() {
        // GIVEN a @CourierTest whose worker registers its listener in a 40 ms timer, on the test's ManualClock
        // WHEN it runs
        EngineExecutionResults results = FixtureRuns.run(ManualClockFixture.class, "lateListener");

        // THEN the log was stamped by that clock: the delay is exactly 40 ms, not the test's real time
        assertThat(results.testEvents().succeeded().count()).as("%s", FixtureRuns.failures(results)).isEqualTo(1);
        assertThat(SEEN.get("late-listener.explanation")).isEqualTo("1 message to worker `"
                + SEEN.get("late-listener.label") + "` was dropped (NO_LISTENER) because it registered its message "
                + "listener 40 ms after it started; register listeners synchronously at the top of the script");
    }

    @Test
    void aClockDeclaredOnBeforeEachIsTheTestsSchedulerAndLogClock() {
        // GIVEN a nested test that gets its ManualClock only in @BeforeEach
        // WHEN it runs
        EngineExecutionResults results = FixtureRuns.run(ManualClockFixture.ClockFromBeforeEach.class, Map.of());

        // THEN the Workers' options schedule on that clock and the log reads it
        assertThat(results.testEvents().succeeded().count()).as("%s", FixtureRuns.failures(results)).isEqualTo(1);
        ManualClock clock = (ManualClock) SEEN.get("before-each.clock");
        assertThat(SEEN.get("before-each.scheduler")).isSameAs(clock);
        assertThat(SEEN.get("before-each.log-nanos")).isEqualTo(7_000_000L);
    }

    @Test
    void testsWithoutAClockParameterRunOnRealTimeAndEachClockIsPerTest() {
        // GIVEN the whole fixture
        // WHEN it runs
        EngineExecutionResults results = FixtureRuns.run(ManualClockFixture.class, Map.of());

        // THEN the test without a clock schedules on real time, and the clocks of two tests differ
        assertThat(results.testEvents().succeeded().count()).as("%s", FixtureRuns.failures(results)).isEqualTo(3);
        assertThat(SEEN.get("real-time.scheduler")).isSameAs(Scheduler.system());
        assertThat(SEEN.get("late-listener.clock")).isInstanceOf(ManualClock.class)
                .isNotSameAs(SEEN.get("before-each.clock"));
    }
}
