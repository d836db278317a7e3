package dev.courier.benchmarks;

import dev.courier.clone.Fidelity;
import dev.courier.clone.StructuredClone;
import dev.courier.fuzz.Fuzz;
import dev.courier.fuzz.Interleavings;
import dev.courier.fuzz.Payloads;
import dev.courier.fuzz.SendSchedule;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.junit.internal.Layer;
import dev.courier.junit.internal.Teardown;
import dev.courier.junit.internal.TeardownResult;
import dev.courier.junit.internal.TestRun;
import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Fuzzing throughput in tries per second: one try of a simulated 100-message send schedule (a worker in a
 * deterministic {@code Simulation}, checked for loss), tries of a property over two user workers exchanging 20
 * messages with the interleaving fuzzed (without and with per-try resources and teardown), and tries of the
 * payload fidelity property over {@code Payloads.cloneable()}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FuzzBenchmark {

    private static final int PAYLOAD_TRIES = 100;
    private static final int INTERLEAVING_TRIES = 100;
    private static final SendSchedule HUNDRED_MESSAGES = new SendSchedule(
            List.of(new SendSchedule.Sender(List.of(new SendSchedule.Burst(0, 50), new SendSchedule.Burst(1, 50)))),
            0, 0, OptionalInt.empty());

    private long seed = 1;

    @Benchmark
    public int scheduleTries() {
        DeliveryLog log = HUNDRED_MESSAGES.runAgainst(WorkerOptions.defaults().name("fuzzed"));
        int lost = Checks.delivery(log).lost().size();
        if (lost != 0) {
            throw new IllegalStateException(lost + " messages lost in a schedule that loses none");
        }
        return log.size();
    }

    /**
     * Tries of a property over two user workers exchanging 20 messages, each try on a simulation driven by its
     * choices (the interleaving fuzzed), the workers terminated at the end.
     */
    @Benchmark
    @OperationsPerInvocation(INTERLEAVING_TRIES)
    public void interleavingPropertyTries() {
        Fuzz.forAll(Interleavings.simulations()).tries(INTERLEAVING_TRIES).seed(seed++).reportTo(line -> { })
                .check(sim -> {
                    Exchange exchange = new Exchange();
                    WorkerOptions options = WorkerOptions.defaults().scheduler(sim);
                    List<Worker> workers = exchange.start((name, script) -> Worker.start(script, options.name(name)),
                            options);
                    sim.runUntilIdle();
                    exchange.check();
                    workers.forEach(Worker::terminate);
                });
    }

    /**
     * The same tries as a {@code @FuzzTest} runs them with per-try resources: a fresh test run (log, Workers) on
     * the try's simulation, torn down after each try (workers closed, leaks and faults checked).
     */
    @Benchmark
    @OperationsPerInvocation(INTERLEAVING_TRIES)
    public void interleavingPropertyTriesWithPerTryTeardown() {
        Fuzz.forAll(Interleavings.simulations()).tries(INTERLEAVING_TRIES).seed(seed++).reportTo(line -> { })
                .check(sim -> {
                    TestRun run = new TestRun(Layer.DEFAULTS, sim);
                    Exchange exchange = new Exchange();
                    exchange.start(run.workers());
                    sim.runUntilIdle();
                    exchange.check();
                    TeardownResult result = Teardown.of(run, Set.of()).orElseThrow();
                    if (!result.problems().isEmpty()) {
                        throw new IllegalStateException("teardown: " + result.problems());
                    }
                });
    }

    @Benchmark
    @OperationsPerInvocation(PAYLOAD_TRIES)
    public void payloadPropertyTries() {
        Fuzz.forAll(Payloads.cloneable()).tries(PAYLOAD_TRIES).seed(seed++).reportTo(line -> { })
                .check(payload -> {
                    if (!Fidelity.compare(payload, StructuredClone.copy(payload)).isEmpty()) {
                        throw new AssertionError("clone differs");
                    }
                });
    }
}
