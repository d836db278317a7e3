package dev.courier.benchmarks;

import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * How long after the awaited fact is recorded does the waiter wake? Each operation schedules an append
 * {@link #TRIGGER_DELAY_MICROS} µs ahead on another thread, then waits for it: through
 * {@link DeliveryLog#await} (woken by the append) or through Awaitility with its default 100 ms polling.
 * The suite subtracts the trigger delay from the average operation time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WakeUpBenchmark {

    static final long TRIGGER_DELAY_MICROS = 500;

    private ScheduledExecutorService trigger;
    private DeliveryLog log;

    @Setup(Level.Trial)
    public void setUp() {
        trigger = Executors.newSingleThreadScheduledExecutor();
        log = DeliveryLog.create();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        trigger.shutdownNow();
    }

    private int scheduleAppend() {
        int target = log.size() + 1;
        trigger.schedule(() -> log.writer().record(EventKind.WORKER_ONLINE).about("worker#1").append(),
                TRIGGER_DELAY_MICROS, TimeUnit.MICROSECONDS);
        return target;
    }

    @Benchmark
    public boolean courierAwait() throws InterruptedException {
        int target = scheduleAppend();
        return log.await(snapshot -> snapshot.size() >= target, Duration.ofSeconds(5));
    }

    @Benchmark
    public int awaitilityDefault() {
        int target = scheduleAppend();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> log.size() >= target);
        return target;
    }
}
