package dev.courier.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.courier.assertions.CourierAssertions;
import dev.courier.fuzz.ForAll;
import dev.courier.fuzz.FuzzConfig;
import dev.courier.fuzz.FuzzFailure;
import dev.courier.fuzz.FuzzTest;
import dev.courier.fuzz.Gen;
import dev.courier.fuzz.Gens;
import dev.courier.history.DeliveryLog;
import dev.courier.junit.CourierTest;
import dev.courier.junit.DeliveryOptions;
import dev.courier.junit.PolicyChoice;
import dev.courier.junit.Workers;
import dev.courier.sim.Simulation;
import dev.courier.worker.Worker;
import dev.courier.worker.WorkerScript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Fuzzing the send timing of your own workers. A {@code @FuzzTest} that declares {@code Workers} and a
 * {@code Simulation} gets fresh ones for every try; the simulation draws every scheduling decision (which worker
 * steps next, how late a timer fires) from the try, so a failure shrinks to the interleaving with the fewest
 * deviations from round-robin order, and the report prints it as steps.
 *
 * <p>Two bugs from the write-ups, each with its fix: a search front end asks two shard workers and takes their
 * answers as arriving in the order it asked (seed failure mode: ordering assumed across several senders); a
 * transcoder registers its {@code 'message'} listener only after loading its codec (an asynchronous step), on a
 * port that drops messages while no listener is attached (late listener). The buggy properties live in
 * {@link BuggyProperties} and are run here to show their reports; the fixed ones are ordinary properties below.
 */
@CourierTest
class InterleavingFuzzSampleTests {

    private static final long SEED = 20_261_207L;

    static Gen<Integer> hitsPerShard() {
        return Gens.ints(1, 10);
    }

    static Gen<Integer> jobs() {
        return Gens.ints(1, 5);
    }

    /** A shard answers a query with its hits, one message per hit, one per turn of its event loop. */
    static WorkerScript shard(String name, int hits) {
        return ctx -> {
            int[] sent = {0};
            Runnable[] answer = new Runnable[1];
            answer[0] = () -> {
                ctx.parentPort().postMessage(name + ":" + ++sent[0]);
                if (sent[0] < hits) {
                    ctx.setImmediate(answer[0]);
                }
            };
            answer[0].run();
        };
    }

    /** Starts both shards and collects their hits in arrival order. */
    static List<String> search(Workers workers, int hitsPerShard) {
        List<String> arrived = new ArrayList<>();
        for (String name : List.of("east", "west")) {
            Worker shard = workers.start(name, shard(name, hitsPerShard));
            shard.onMessage(event -> arrived.add(event.data(String.class)));
        }
        return arrived;
    }

    /** The transcoder before the fix: loads its codec (a zero-delay timer), then listens. */
    static WorkerScript loadsCodecThenListens(List<Object> transcoded) {
        return ctx -> ctx.setTimeout(() -> ctx.parentPort().onMessage(job -> transcoded.add(job.data())),
                Duration.ZERO);
    }

    /** The fix: listen at the top of the script, load the codec after. */
    static WorkerScript listensThenLoadsCodec(List<Object> transcoded) {
        return ctx -> {
            ctx.parentPort().onMessage(job -> transcoded.add(job.data()));
            ctx.setTimeout(() -> { }, Duration.ZERO);
        };
    }

    static void transcode(Workers workers, Simulation sim, int jobs, WorkerScript script) {
        Worker transcoder = workers.start("transcoder", script);
        sim.runUntilIdle(); // "the worker is up"
        for (int i = 1; i <= jobs; i++) {
            transcoder.postMessage("job-" + i);
        }
        sim.runUntilIdle();
    }

    @FuzzTest(tries = 10_000)
    void eachShardsHitsArriveInTheShardsOwnOrder(@ForAll("hitsPerShard") int hits, Workers workers,
                                                DeliveryLog log, Simulation sim) {
        // GIVEN two shards answering with `hits` hits each, under this try's interleaving
        List<String> arrived = search(workers, hits);
        // WHEN the simulation runs until both have answered
        sim.runUntilIdle();
        // THEN every hit arrived, and each shard's hits in that shard's order (all that ports promise)
        assertThat(arrived).hasSize(2 * hits);
        for (String name : List.of("east", "west")) {
            assertThat(arrived.stream().filter(hit -> hit.startsWith(name + ":"))
                    .map(hit -> Integer.parseInt(hit.substring(name.length() + 1))).toList()).isSorted();
        }
        CourierAssertions.assertThat(log).hasNoLostMessages().isInSendOrderPerSender().check();
    }

    @FuzzTest(tries = 500)
    @DeliveryOptions(listenerPolicy = PolicyChoice.DROP_WHEN_NO_LISTENER)
    void everyJobIsTranscodedWhenTheScriptListensFirst(@ForAll("jobs") int jobs, Workers workers, Simulation sim) {
        // GIVEN the fixed transcoder  WHEN jobs are posted once it is up, under this try's interleaving
        List<Object> transcoded = new ArrayList<>();
        transcode(workers, sim, jobs, listensThenLoadsCodec(transcoded));
        // THEN every job was handled: nothing can overtake a listener registered synchronously
        assertThat(transcoded).hasSize(jobs);
    }

    @Test
    void assumingOneGlobalOrderAcrossShardsFailsWithTwoHitsAndOneSwap(@TempDir Path failures) {
        // GIVEN the property that takes the hits to arrive round by round, east first ("east:1, west:1, ...")
        // WHEN it is fuzzed
        FuzzFailure failure = runBuggy("hitsArriveRoundByRound", failures);

        // THEN it fails; the minimal case is one hit per shard and one swap: west ran before east
        assertThat(failure.minimalCounterexample()).isEqualTo("#0 (int) = 1");
        assertThat(failure.getMessage()).contains("with seed " + SEED, """
                Minimal interleaving: 10 steps, 1 swap of round-robin order, 0 late timers
                    step 1: `west#2` sent message 1 to main before `east#1` sent message 1 to main (its turn; step 3)
                    step 3: `east#1` sent message 1 to main
                    step 4: `west#2` exited
                    step 5: main received `west#2`'s message 1
                    step 7: `east#1` exited
                    step 9: main received `east#1`'s message 1
                """, "Replay: -Dcourier.fuzz.seed=" + SEED);
    }

    @Test
    void aListenerRegisteredAfterAnAsynchronousStepFailsWithOneJobAndOneDelayedRegistration(@TempDir Path failures) {
        // GIVEN the property "every job is transcoded" over the transcoder that loads its codec first
        // WHEN it is fuzzed
        FuzzFailure failure = runBuggy("everyJobIsTranscodedByTheLateListener", failures);

        // THEN it fails; the minimal case is one job, and the codec timer (the registration) firing 1 ms late
        assertThat(failure.minimalCounterexample()).isEqualTo("#0 (int) = 1");
        assertThat(failure.getMessage()).contains("""
                Minimal interleaving: 3 steps, 0 swaps of round-robin order, 1 late timer
                    step 1: `transcoder#1` ran its script; a timer it set fires 1 ms late
                    after step 2, the test: main sent message 1 to `transcoder#1`
                    step 3: main's message 1 to `transcoder#1` was dropped (NO_LISTENER)
                """);
    }

    /** Runs one of the buggy properties on the JUnit Platform and returns its failure. */
    private static FuzzFailure runBuggy(String property, Path failures) {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(BuggyProperties.class, property, "int, " + Workers.class.getName()
                        + ", " + Simulation.class.getName()))
                .configurationParameters(Map.of(FuzzConfig.SEED, String.valueOf(SEED), FuzzConfig.FAILURES_DIR,
                        failures.toString()))
                .build(), new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                        result.getThrowable().ifPresent(thrown::set);
                    }
                });
        assertThat(thrown.get()).as("the buggy property %s should fail", property).isInstanceOf(FuzzFailure.class);
        return (FuzzFailure) thrown.get();
    }

    /** The properties before the fixes; not a test class of its own, run by the tests above. */
    @CourierTest
    static class BuggyProperties {

        @FuzzTest(tries = 200)
        void hitsArriveRoundByRound(@ForAll("hitsPerShard") int hits, Workers workers, Simulation sim) {
            List<String> arrived = search(workers, hits);
            sim.runUntilIdle();
            List<String> roundByRound = new ArrayList<>();
            for (int i = 1; i <= hits; i++) {
                roundByRound.add("east:" + i);
                roundByRound.add("west:" + i);
            }
            assertThat(arrived).containsExactlyElementsOf(roundByRound);
        }

        @FuzzTest(tries = 200)
        @DeliveryOptions(listenerPolicy = PolicyChoice.DROP_WHEN_NO_LISTENER)
        void everyJobIsTranscodedByTheLateListener(@ForAll("jobs") int jobs, Workers workers, Simulation sim) {
            List<Object> transcoded = new ArrayList<>();
            transcode(workers, sim, jobs, loadsCodecThenListens(transcoded));
            assertThat(transcoded).hasSize(jobs);
        }

        static Gen<Integer> hitsPerShard() {
            return InterleavingFuzzSampleTests.hitsPerShard();
        }

        static Gen<Integer> jobs() {
            return InterleavingFuzzSampleTests.jobs();
        }
    }
}
