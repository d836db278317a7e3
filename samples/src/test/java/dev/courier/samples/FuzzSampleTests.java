package dev.courier.samples;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.courier.clone.Codecs;
import dev.courier.clone.Fidelity;
import dev.courier.fuzz.ForAll;
import dev.courier.fuzz.Fuzz;
import dev.courier.fuzz.FuzzFailure;
import dev.courier.fuzz.FuzzTest;
import dev.courier.fuzz.Gen;
import dev.courier.fuzz.Gens;
import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import dev.courier.sim.ManualClock;
import dev.courier.worker.ListenerPolicy;
import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing finds what example tests miss, and shrinks it to the smallest case. Payloads:
 * generated nested maps, lists and records survive structured clone with no difference, while the JSON
 * round trip the write-ups suggest as a fallback changes them (shrunk to {@code 0}: an Integer comes back
 * a Double). Timing: generated send schedules against a worker that registers its listener late find the
 * late-listener loss under DROP_WHEN_NO_LISTENER and shrink it to one message posted one tick too early;
 * under the default QUEUE_UNTIL_STARTED the same schedules lose nothing. A ManualClock makes each try exact.
 */
class FuzzSampleTests {

    private static final long SEED = 20_260_501L;
    private static final Duration TICK = Duration.ofMillis(10);
    private static final Duration BOUND = Duration.ofSeconds(10);

    /** A user record inside payloads: copied through its canonical constructor by structured clone. */
    record Node(String name, int weight, List<Object> children) {
    }

    /**
     * When the worker registers its listener (in ticks after it starts; 0 = synchronously in the script)
     * and at which tick each message is posted.
     */
    record Schedule(int listenerDelayTicks, List<Integer> postTicks) {
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

    static Gen<Schedule> schedules() {
        return Gens.combine(Gens.ints(0, 4), Gens.lists(Gens.ints(0, 5), 1, 8), Schedule::new);
    }

    @FuzzTest(tries = 200)
    void generatedPayloadsSurviveStructuredCloneWithNoDifference(@ForAll("payloads") Object payload) {
        // GIVEN a generated nested payload  WHEN it is cloned  THEN the copy has no difference from it
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
        assertThat(failure.getMessage()).contains("with seed " + SEED, "Minimal counterexample:\n    0\n",
                "TYPE_CHANGED expected java.lang.Integer but was java.lang.Double");
    }

    @Test
    void generatedSchedulesFindTheLateListenerLossAndShrinkItToOneEarlyMessage() {
        // GIVEN schedules run against a late-registering worker under DROP_WHEN_NO_LISTENER
        List<String> report = new ArrayList<>();

        // WHEN the "nothing is lost" property is fuzzed
        FuzzFailure failure = catchThrowableOfType(FuzzFailure.class, () -> Fuzz.forAll(schedules()).seed(SEED)
                .tries(100).maxShrinkSteps(500).reportTo(report::add)
                .check(schedule -> run(schedule, ListenerPolicy.DROP_WHEN_NO_LISTENER)));

        // THEN it fails, and the minimal schedule is one message posted one tick before the listener exists
        assertThat(failure).as("the late-listener loss should be found").isNotNull();
        assertThat(failure.seed()).isEqualTo(SEED);
        assertThat(failure.minimalCounterexample()).isEqualTo("Schedule[listenerDelayTicks=1, postTicks=[0]]");
        assertThat(failure.getMessage()).contains("with seed " + SEED,
                "Minimal counterexample:\n    Schedule[listenerDelayTicks=1, postTicks=[0]]\n",
                "1 message to worker `late#",
                "` was dropped (NO_LISTENER) because it registered its message listener 10 ms after it started",
                "Replay: -Dcourier.fuzz.seed=" + SEED);
    }

    @Test
    void theSameSchedulesLoseNothingUnderQueueUntilStarted() {
        // GIVEN the same schedules under the default policy  WHEN fuzzed  THEN every try delivers everything
        Fuzz.forAll(schedules()).seed(SEED).tries(40).reportTo(line -> { })
                .check(schedule -> run(schedule, ListenerPolicy.QUEUE_UNTIL_STARTED));
    }

    /**
     * Runs one schedule on a ManualClock, tick by tick: at each tick the listener is registered if it is
     * due, the tick's messages are posted, and the run waits until they have settled (queued, delivered or
     * dropped), so the outcome depends on the schedule alone. Then the worker is closed and the history
     * must show no lost message.
     */
    private static void run(Schedule schedule, ListenerPolicy policy) throws Exception {
        ManualClock clock = new ManualClock();
        CountDownLatch armed = new CountDownLatch(1);
        List<Object> received = Collections.synchronizedList(new ArrayList<>());
        int delay = schedule.listenerDelayTicks();
        Worker worker = Worker.start(ctx -> {
            Runnable register = () -> ctx.parentPort().onMessage(event -> received.add(event.data()));
            if (delay == 0) {
                register.run();
            } else {
                ctx.setTimeout(register, TICK.multipliedBy(delay));
            }
            armed.countDown();
        }, WorkerOptions.defaults().name("late").listenerPolicy(policy).scheduler(clock));
        DeliveryLog log = worker.log();
        try {
            assertThat(armed.await(BOUND.toNanos(), TimeUnit.NANOSECONDS)).as("script ran").isTrue();
            int lastTick = Math.max(delay, schedule.postTicks().stream().mapToInt(Integer::intValue).max().orElse(0));
            int posted = 0;
            for (int tick = 0; tick <= lastTick; tick++) {
                if (tick == delay) {
                    awaitLog(log, s -> s.count(EventKind.LISTENER_ADDED) == 1, "the listener registration");
                }
                for (int at : schedule.postTicks()) {
                    if (at == tick) {
                        worker.postMessage("message-" + ++posted);
                    }
                }
                int sent = posted;
                boolean queueing = policy == ListenerPolicy.QUEUE_UNTIL_STARTED && tick < delay;
                awaitLog(log, s -> queueing ? s.count(EventKind.ENQUEUED) == sent
                        : s.count(EventKind.DELIVERED) + s.count(EventKind.DROPPED) == sent, "messages to settle");
                clock.advance(TICK);
            }
        } finally {
            worker.close();
        }
        assertThat(log).hasNoLostMessages();
        assertThat(received).hasSize(schedule.postTicks().size());
    }

    private static void awaitLog(DeliveryLog log, Predicate<HistorySnapshot> condition, String what)
            throws InterruptedException {
        assertThat(log.await(condition, BOUND)).as("waited %s for %s; history:%n%s", BOUND, what, log.events())
                .isTrue();
    }
}
