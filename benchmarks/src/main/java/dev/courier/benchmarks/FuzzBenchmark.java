package dev.courier.benchmarks;

import dev.courier.clone.Fidelity;
import dev.courier.clone.StructuredClone;
import dev.courier.fuzz.Fuzz;
import dev.courier.fuzz.Payloads;
import dev.courier.fuzz.SendSchedule;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.worker.WorkerOptions;
import java.util.List;
import java.util.OptionalInt;
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
 * deterministic {@code Simulation}, checked for loss), and tries of the payload fidelity property over
 * {@code Payloads.cloneable()}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FuzzBenchmark {

    private static final int PAYLOAD_TRIES = 100;
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
