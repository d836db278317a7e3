package dev.courier.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.courier.fuzz.SendSchedule.Burst;
import dev.courier.fuzz.SendSchedule.Sender;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DeliveryReport;
import dev.courier.history.DropCause;
import dev.courier.junit.internal.Layer;
import dev.courier.junit.internal.TestRun;
import dev.courier.worker.ListenerPolicy;
import dev.courier.worker.WorkerOptions;
import dev.courier.worker.WorkerScript;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class UserScriptScheduleTests {

    private static final WorkerOptions DROPPING = WorkerOptions.defaults().name("transcoder")
            .listenerPolicy(ListenerPolicy.DROP_WHEN_NO_LISTENER);

    /** The user's script: loads its codec (2 ms) before it listens. */
    private static final WorkerScript LOADS_FIRST = ctx -> ctx.setTimeout(
            () -> ctx.parentPort().onMessage(event -> { }), Duration.ofMillis(2));

    /** The fix: listens first. */
    private static final WorkerScript LISTENS_FIRST = ctx -> {
        ctx.parentPort().onMessage(event -> { });
        ctx.setTimeout(() -> { }, Duration.ofMillis(2));
    };

    private static void noMessageLost(DeliveryLog log) {
        DeliveryReport report = Checks.delivery(log);
        assertThat(report.lost()).as("lost messages").isEmpty();
    }

    @Test
    void scheduleRunsAgainstTheUsersScriptAndShowsItsLateListener() {
        // GIVEN one message at tick 0 and a message at tick 3
        SendSchedule schedule = new SendSchedule(List.of(new Sender(List.of(new Burst(0, 1), new Burst(3, 1)))),
                0, 0, OptionalInt.empty());

        // WHEN it runs against the user's script that listens only after loading
        DeliveryLog log = schedule.runAgainst(LOADS_FIRST, DROPPING);

        // THEN the first message is dropped for want of a listener, the later one delivered
        DeliveryReport report = Checks.delivery(log);
        assertThat(report.lost()).singleElement().satisfies(lost ->
                assertThat(lost.cause()).isEqualTo(DropCause.NO_LISTENER));
        assertThat(report.deliveredCount()).isEqualTo(1);
    }

    @Test
    void playingIntoWorkersOnRealTimeIsRefusedWithTheFixNamed() {
        // GIVEN a test's Workers on real time
        TestRun run = new TestRun(Layer.DEFAULTS, null);
        SendSchedule schedule = new SendSchedule(List.of(new Sender(List.of(new Burst(0, 1)))), 0, 0,
                OptionalInt.empty());

        // WHEN a schedule is played into them
        Throwable refused = catchThrowable(() -> schedule.playOn(run.workers(), LISTENS_FIRST));
        run.close();

        // THEN it is refused, naming what is missing
        assertThat(refused).isInstanceOf(IllegalArgumentException.class).hasMessage("SendSchedule.playOn needs "
                + "Workers on a Simulation, but they schedule on Scheduler.system(); declare a Simulation parameter in"
                + " the test");
        assertThat(run.workers().all()).isEmpty();
    }

    @Test
    void fuzzingSchedulesAgainstTheUsersScriptFindsTheLateListenerAndTheFixPasses() {
        // GIVEN the property "no message lost" over random schedules against each script
        // WHEN it is checked against the late one and the fixed one
        FuzzFailure failure = catchThrowableOfType(FuzzFailure.class, () -> Fuzz.forAll(SendSchedules.any())
                .tries(200).seed(3L).reportTo(line -> { })
                .check(schedule -> noMessageLost(schedule.runAgainst(LOADS_FIRST, DROPPING))));
        Fuzz.forAll(SendSchedules.any()).tries(500).seed(3L).reportTo(line -> { })
                .check(schedule -> noMessageLost(schedule.runAgainst(LISTENS_FIRST, DROPPING)));

        // THEN the late script fails on one message at tick 0; the fixed one held 500 tries (check returned)
        assertThat(failure).isNotNull();
        assertThat(failure.minimalCounterexample()).startsWith("SendSchedule[senders=[Sender[bursts=[Burst[pause=0,"
                + " count=1]]]]");
    }
}
