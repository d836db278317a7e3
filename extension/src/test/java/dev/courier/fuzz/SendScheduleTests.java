package dev.courier.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.courier.fuzz.SendSchedule.Burst;
import dev.courier.fuzz.SendSchedule.Sender;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DeliveryReport;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.worker.ListenerPolicy;
import dev.courier.worker.OverflowPolicy;
import dev.courier.worker.WorkerOptions;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SendScheduleTests {

    private static final WorkerOptions DROPPING = WorkerOptions.defaults().name("receiver")
            .listenerPolicy(ListenerPolicy.DROP_WHEN_NO_LISTENER);
    private static final WorkerOptions QUEUEING = WorkerOptions.defaults().name("receiver")
            .listenerPolicy(ListenerPolicy.QUEUE_UNTIL_STARTED);

    private static void noMessageLost(DeliveryLog log) {
        DeliveryReport report = Checks.delivery(log);
        assertThat(report.lost()).as("lost messages").isEmpty();
        assertThat(report.ok()).as("messages delivered once").isEqualTo(report.sentCount());
    }

    private static SendSchedule schedule(int listenerDelay, int slowness, OptionalInt restartAt, Burst... bursts) {
        return new SendSchedule(List.of(new Sender(List.of(bursts))), listenerDelay, slowness, restartAt);
    }

    /** The events of a run with their times and numbers; worker ids count from 1 in every run. */
    private static List<String> outcome(DeliveryLog log) {
        return log.events().stream().map(event -> event.timeNanos() + " " + event + " n=" + event.number()).toList();
    }

    @Test
    void dropWhenNoListenerLosesALateListenersMessageAndShrinksToTheMinimalSchedule() {
        // GIVEN the property "no message lost" over random schedules, against DROP_WHEN_NO_LISTENER
        // WHEN it is checked
        FuzzFailure failure = catchThrowableOfType(FuzzFailure.class, () -> Fuzz.forAll(SendSchedules.any())
                .tries(200).seed(41L).reportTo(line -> { })
                .check(schedule -> noMessageLost(schedule.runAgainst(DROPPING))));

        // THEN it fails, and the minimal schedule is one message at tick 0 with the listener one tick late
        assertThat(failure).isNotNull();
        assertThat(failure.minimalCounterexample()).isEqualTo("SendSchedule[senders=[Sender[bursts=[Burst[pause=0,"
                + " count=1]]]], listenerDelay=1, slowness=0, restartAt=OptionalInt.empty]");
        assertThat(failure.getCause()).hasMessageContaining("lost messages");
    }

    @Test
    void aLateListenerUnderDropWhenNoListenerDropsEveryMessageSentBeforeIt() {
        // GIVEN two messages at tick 0, one at tick 2, and a listener added at tick 1
        SendSchedule schedule = schedule(1, 0, OptionalInt.empty(), new Burst(0, 2), new Burst(2, 1));

        // WHEN it runs under DROP_WHEN_NO_LISTENER
        DeliveryReport report = Checks.delivery(schedule.runAgainst(DROPPING));

        // THEN the two early messages are dropped for want of a listener, the late one is delivered
        assertThat(report.lost()).extracting(lost -> lost.cause()).containsExactly(DropCause.NO_LISTENER,
                DropCause.NO_LISTENER);
        assertThat(report.ok()).isEqualTo(1);
    }

    @Test
    void aSlowReceiverHandlesOneMessageEverySlownessTicks() {
        // GIVEN a burst of 3 messages at tick 0 and a receiver busy 2 ticks per message
        SendSchedule schedule = schedule(0, 2, OptionalInt.empty(), new Burst(0, 3));

        // WHEN it runs
        DeliveryLog log = schedule.runAgainst(QUEUEING);

        // THEN the messages queue up (depths 1, 1, 2) and are handled at 2, 4 and 6 ms of virtual time
        List<DeliveryEvent> events = log.events();
        assertThat(events).filteredOn(event -> event.kind() == EventKind.ENQUEUED).extracting(DeliveryEvent::number)
                .containsExactly(1, 1, 2);
        assertThat(events).filteredOn(event -> event.kind() == EventKind.HANDLED)
                .extracting(DeliveryEvent::timeNanos).containsExactly(2_000_000L, 4_000_000L, 6_000_000L);
    }

    @Test
    void aRestartDropsWhatTheOldWorkerHadQueuedAndTheNewWorkerReceivesLaterMessages() {
        // GIVEN 2 messages at tick 0 to a worker whose listener comes at tick 3, a restart at tick 1, and a
        // message at tick 2
        SendSchedule schedule = schedule(3, 0, OptionalInt.of(1), new Burst(0, 2), new Burst(2, 1));

        // WHEN it runs under QUEUE_UNTIL_STARTED
        DeliveryReport report = Checks.delivery(schedule.runAgainst(QUEUEING));

        // THEN the first two are dropped as TERMINATED and the third is delivered by the new worker (at tick 4)
        assertThat(report.lost()).extracting(lost -> lost.cause()).containsExactly(DropCause.TERMINATED,
                DropCause.TERMINATED);
        assertThat(report.ok()).isEqualTo(1);
    }

    @Test
    void theSameScheduleGivesTheSameHistory() {
        // GIVEN a busy schedule: 3 senders, bursts and pauses, a slow receiver and a late listener
        SendSchedule schedule = new SendSchedule(List.of(new Sender(List.of(new Burst(0, 4), new Burst(1, 3))),
                new Sender(List.of(new Burst(1, 5))), new Sender(List.of(new Burst(0, 1), new Burst(3, 6)))),
                2, 1, OptionalInt.of(4));

        // WHEN it runs three times
        List<String> first = outcome(schedule.runAgainst(QUEUEING.capacity(4).overflow(OverflowPolicy.DROP_OLDEST)));
        List<String> second = outcome(schedule.runAgainst(QUEUEING.capacity(4).overflow(OverflowPolicy.DROP_OLDEST)));
        List<String> third = outcome(schedule.runAgainst(QUEUEING.capacity(4).overflow(OverflowPolicy.DROP_OLDEST)));

        // THEN the histories are identical, worker labels included (the restart's worker is receiver#2)
        assertThat(first).hasSizeGreaterThan(40).anyMatch(line -> line.contains("receiver#2"));
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
    }

    @Test
    void boundedQueuesThatBlockAreRefused() {
        // GIVEN options whose bounded queue blocks senders
        // WHEN a schedule is run against them
        // THEN the run is refused with the reason and the alternatives
        assertThatThrownBy(() -> schedule(0, 0, OptionalInt.empty(), new Burst(0, 1))
                .runAgainst(QUEUEING.capacity(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ScheduleRun cannot use capacity 2 with OverflowPolicy.BLOCK: a blocked sender would stop"
                        + " the simulation, where nothing else runs while it waits; use DROP_NEWEST, DROP_OLDEST or"
                        + " FAIL");
    }

    @Test
    void invalidSchedulesAreRejectedNamingTheBadPart() {
        // GIVEN / WHEN schedules with no sender, no burst, or a negative delay
        // THEN each is refused, naming what is wrong
        assertThatThrownBy(() -> new SendSchedule(List.of(), 0, 0, OptionalInt.empty()))
                .hasMessage("a send schedule needs at least one sender");
        assertThatThrownBy(() -> new Sender(List.of())).hasMessage("a sender needs at least one burst");
        assertThatThrownBy(() -> schedule(-1, 0, OptionalInt.empty(), new Burst(0, 1)))
                .hasMessage("listenerDelay must be 0 or more, got -1");
        assertThatThrownBy(() -> new Burst(0, 0)).hasMessage("a burst posts at least one message, got count 0");
    }
}
