package dev.courier.samples;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.courier.clone.Codecs;
import dev.courier.clone.Fidelity;
import dev.courier.fuzz.ForAll;
import dev.courier.fuzz.From;
import dev.courier.fuzz.Fuzz;
import dev.courier.fuzz.FuzzFailure;
import dev.courier.fuzz.FuzzTest;
import dev.courier.fuzz.Gen;
import dev.courier.fuzz.Gens;
import dev.courier.fuzz.Payloads;
import dev.courier.fuzz.SendSchedule;
import dev.courier.fuzz.SendSchedules;
import dev.courier.history.DeliveryLog;
import dev.courier.worker.ListenerPolicy;
import dev.courier.worker.WorkerOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing finds what example tests miss, and shrinks it to the smallest case. Payloads
 * ({@link Payloads}, and a small generator of nested maps, lists and records) survive structured clone with
 * no difference, while the JSON round trip the write-ups suggest as a fallback changes them (shrunk to
 * {@code 0}: an Integer comes back a Double). Timing: {@link SendSchedules} run against a worker that adds
 * its listener late find the late-listener loss under DROP_WHEN_NO_LISTENER and shrink it to one message
 * posted one tick too early; under the default QUEUE_UNTIL_STARTED they lose nothing. Each try runs in a
 * deterministic {@code Simulation} (no threads, virtual time), so it is exact and fast.
 */
class FuzzSampleTests {

    private static final long SEED = 20_260_501L;
    /** One sender posting one message at tick 0, to a worker that adds its listener at tick 1. */
    private static final String MINIMAL_SCHEDULE = "SendSchedule[senders=[Sender[bursts=[Burst[pause=0, count=1]]]],"
            + " listenerDelay=1, slowness=0, restartAt=OptionalInt.empty]";

    /** A user record inside payloads: copied through its canonical constructor by structured clone. */
    record Node(String name, int weight, List<Object> children) {
    }

    static Gen<Object> payloads() {
        Gen<Object> leaves = Gens.oneOf(Gens.ints(), Gens.strings(0, 8), Gens.booleans(), Gens.doubles(),
                Gens.longs());
        return Gens.recursive(leaves, inner -> Gens.oneOf(
                Gens.lists(inner, 0, 4).map(list -> (Object) new ArrayList<>(list)),
                Gens.maps(Gens.strings(0, 6), inner, 0, 4).map(map -> (Object) map),
                Gens.combine(Gens.strings(1, 6), Gens.lists(inner, 0, 3),
                        (name, children) -> (Object) new Node(name, name.length(), new ArrayList<>(children)))), 4);
    }

    @FuzzTest(tries = 200)
    void generatedPayloadsSurviveStructuredCloneWithNoDifference(@From(Payloads.Cloneable.class) Object payload) {
        // GIVEN a generated payload graph (every cloneable kind, cycles, aliasing, edge values)
        // WHEN it is cloned  THEN the copy has no difference from it
        assertThat(Fidelity.roundTrip(payload, Codecs.structuredClone())).as("%s", payload).isEmpty();
    }

    @FuzzTest(tries = 100)
    void nestedMapsListsAndRecordsSurviveStructuredClone(@ForAll("payloads") Object payload) {
        // GIVEN this sample's own small generator of nested maps, lists and records
        // WHEN it is cloned  THEN the copy has no difference from it
        assertThat(Fidelity.roundTrip(payload, Codecs.structuredClone())).as("%s", payload).isEmpty();
    }

    @Test
    void aJsonRoundTripFailsTheFidelityPropertyAndShrinksToTheSmallestPayload() {
        // GIVEN the same property over the JSON-style codec
        List<String> report = new ArrayList<>();

        // WHEN it is fuzzed
        FuzzFailure failure = catchThrowableOfType(FuzzFailure.class, () -> Fuzz.forAll(payloads()).seed(SEED)
                .tries(200).reportTo(report::add)
                .check(payload -> assertThat(Fidelity.roundTrip(payload, Codecs.jsonLike())).isEmpty()));

        // THEN it fails, shrunk to 0, whose copy came back as a Double
        assertThat(failure).as("the JSON round trip should fail the property").isNotNull();
        assertThat(failure.minimalCounterexample()).isEqualTo("0");
        assertThat(failure.getMessage()).contains("with seed " + failure.seed(), "Minimal counterexample:\n    0\n",
                "TYPE_CHANGED expected java.lang.Integer but was java.lang.Double");
    }

    @Test
    void generatedSchedulesFindTheLateListenerLossAndShrinkItToOneEarlyMessage() {
        // GIVEN send schedules (senders, bursts, pauses, listener delay, slow receiver) run against a worker
        // in a simulation under DROP_WHEN_NO_LISTENER
        List<String> report = new ArrayList<>();

        // WHEN the "nothing is lost" property is fuzzed
        FuzzFailure failure = catchThrowableOfType(FuzzFailure.class, () -> Fuzz.forAll(SendSchedules.gen(2, 8))
                .seed(SEED).tries(100).maxShrinkSteps(500).reportTo(report::add)
                .check(schedule -> nothingIsLost(schedule, ListenerPolicy.DROP_WHEN_NO_LISTENER)));

        // THEN it fails, and the minimal schedule is one message posted before the listener exists
        assertThat(failure).as("the late-listener loss should be found").isNotNull();
        // (the seed is SEED unless a run replays every property with -Dcourier.fuzz.seed)
        assertThat(failure.seed()).isEqualTo(Long.getLong("courier.fuzz.seed", SEED));
        assertThat(failure.minimalCounterexample()).isEqualTo(MINIMAL_SCHEDULE);
        assertThat(failure.getMessage()).contains("with seed " + failure.seed(),
                "Minimal counterexample:\n    " + MINIMAL_SCHEDULE + "\n",
                "1 message to worker `late#",
                "` was dropped (NO_LISTENER) because it registered its message listener 1 ms after it started",
                "Replay: -Dcourier.fuzz.seed=" + failure.seed());
    }

    @Test
    void theSameSchedulesLoseNothingUnderQueueUntilStarted() {
        // GIVEN the same schedules under the default policy  WHEN fuzzed  THEN every try delivers everything
        Fuzz.forAll(SendSchedules.gen(2, 8)).seed(SEED).tries(40).reportTo(line -> { })
                .check(schedule -> nothingIsLost(schedule, ListenerPolicy.QUEUE_UNTIL_STARTED));
    }

    // ScheduleRun plays the schedule in its own seeded Simulation on a virtual clock, so a try's outcome
    // depends on the schedule alone.
    private static void nothingIsLost(SendSchedule schedule, ListenerPolicy policy) {
        DeliveryLog log = schedule.runAgainst(WorkerOptions.defaults().name("late").listenerPolicy(policy));
        assertThat(log).hasNoLostMessages().check();
    }
}
