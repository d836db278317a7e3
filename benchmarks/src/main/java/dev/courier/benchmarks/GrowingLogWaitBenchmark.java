package dev.courier.benchmarks;

import static dev.courier.assertions.CourierAssertions.assertThat;

import dev.courier.assertions.DeliveryEndpoint;
import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import dev.courier.history.HistoryWriter;
import dev.courier.history.Outcome;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What an assertion waiting on a growing log costs: a producer thread records {@link #messages} deliveries
 * (SENT and DELIVERED each) to {@code sink}, once with no one waiting ({@link #recordOnly}) and once while the
 * benchmark thread waits in {@code assertThat(sink).within(..).receivedAtLeast(messages).check()}
 * ({@link #recordWhileWaiting}). The ratio of the two is the wait's cost; a wait that rescans the whole history
 * on every append grows it with the history's length.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GrowingLogWaitBenchmark {

    private static final Duration BOUND = Duration.ofMinutes(5);

    @Param("1000000")
    public int messages;

    @Benchmark
    public int recordOnly() throws InterruptedException {
        DeliveryLog log = DeliveryLog.create();
        Thread producer = producer(log);
        producer.start();
        producer.join();
        return log.size();
    }

    @Benchmark
    public int recordWhileWaiting() throws InterruptedException {
        DeliveryLog log = DeliveryLog.create();
        Thread producer = producer(log);
        producer.start();
        assertThat(DeliveryEndpoint.of("sink", log)).within(BOUND).receivedAtLeast(messages).check();
        producer.join();
        return log.size();
    }

    private Thread producer(DeliveryLog log) {
        return new Thread(() -> {
            HistoryWriter writer = log.writer();
            int main = writer.endpointId("main");
            int sink = writer.endpointId("sink");
            for (int i = 1; i <= messages; i++) {
                long id = writer.nextMessageId();
                writer.appendMessageEvent(EventKind.SENT, id, i, main, sink, 0, Outcome.NONE);
                writer.appendMessageEvent(EventKind.DELIVERED, id, i, main, sink, 0, Outcome.NONE);
            }
        }, "growing-log-producer");
    }
}
