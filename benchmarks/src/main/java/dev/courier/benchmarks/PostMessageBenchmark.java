package dev.courier.benchmarks;

import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Courier's {@code postMessage} of a small record to a message listener on a worker thread, every step
 * recorded (SENT, ENQUEUED, DELIVERED, HANDLED), from 1 or 4 sending threads. Messages per second; compare
 * with {@link HandOffBenchmark} and {@code node/postmessage.js} from the same run. A fresh worker (and
 * history) per iteration keeps the history from growing across iterations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PostMessageBenchmark {

    @Param({"1", "4"})
    public int senders;

    private Batch batch;
    private Worker worker;

    @Setup(Level.Iteration)
    public void setUp() {
        batch = new Batch(senders);
        Batch counter = batch;
        worker = Worker.start(ctx -> ctx.parentPort().onMessage(event -> counter.received()),
                WorkerOptions.defaults().name("sink"));
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
        worker.terminate().orTimeout(10, TimeUnit.SECONDS).join();
        batch.close();
    }

    @Benchmark
    @OperationsPerInvocation(Batch.SIZE)
    public void courier() throws Exception {
        batch.run((sender, i) -> worker.postMessage(new Ping(i, "ping", 42.5)));
    }
}
