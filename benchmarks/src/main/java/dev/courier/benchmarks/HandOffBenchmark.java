package dev.courier.benchmarks;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SubmissionPublisher;
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
 * Baselines for message hand-off between threads: a small record from 1 or 4 senders to one consumer
 * through JDK queues and a {@link SubmissionPublisher}. Scores are messages per second. Courier's
 * {@code postMessage} to a listener is measured by {@link PostMessageBenchmark} in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HandOffBenchmark {

    @Param({"1", "4"})
    public int senders;

    private Batch batch;
    private BlockingQueue<Ping> linked;
    private BlockingQueue<Ping> array;
    private SubmissionPublisher<Ping> publisher;
    private ExecutorService consumers;

    @Setup(Level.Trial)
    public void setUp() {
        batch = new Batch(senders);
        linked = new LinkedBlockingQueue<>();
        array = new ArrayBlockingQueue<>(1024);
        consumers = Executors.newFixedThreadPool(3);
        consumers.execute(() -> drain(linked));
        consumers.execute(() -> drain(array));
        publisher = new SubmissionPublisher<>(consumers, Flow.defaultBufferSize());
        publisher.subscribe(new CountingSubscriber(batch));
    }

    private void drain(BlockingQueue<Ping> queue) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                queue.take();
                batch.received();
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        publisher.close();
        consumers.shutdownNow();
        batch.close();
    }

    @Benchmark
    @OperationsPerInvocation(Batch.SIZE)
    public void linkedBlockingQueue() throws Exception {
        batch.run((sender, i) -> linked.put(new Ping(i, "ping", 42.5)));
    }

    @Benchmark
    @OperationsPerInvocation(Batch.SIZE)
    public void arrayBlockingQueue() throws Exception {
        batch.run((sender, i) -> array.put(new Ping(i, "ping", 42.5)));
    }

    @Benchmark
    @OperationsPerInvocation(Batch.SIZE)
    public void submissionPublisher() throws Exception {
        batch.run((sender, i) -> publisher.submit(new Ping(i, "ping", 42.5)));
    }
}
