package dev.courier.benchmarks;

import dev.courier.history.DeliveryLog;
import dev.courier.tap.TapOptions;
import dev.courier.tap.Taps;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The JDK-typed taps against the same JDK objects untapped, in one run, recording on: task throughput of a
 * one-thread {@code ThreadPoolExecutor} and {@code ScheduledThreadPoolExecutor}, item hand-off through a
 * {@code SubmissionPublisher} to one subscriber, and a {@code ConcurrentLinkedQueue} hand-off to a polling
 * consumer. Scores are messages (tasks) per second; a fresh log per iteration keeps the history's growth
 * out of the figures.
 *
 * <p>Thread contract: JMH's benchmark thread sends; the pools', subscribers' and pollers' own threads
 * receive and count into the {@link Batch}; set-up and tear-down run on the benchmark thread between
 * iterations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TapsBenchmark {

    private Batch batch;
    private ThreadPoolExecutor plainPool;
    private ThreadPoolExecutor tappedPool;
    private ScheduledThreadPoolExecutor plainTimers;
    private ScheduledThreadPoolExecutor tappedTimers;
    private ExecutorService subscribers;
    private SubmissionPublisher<Ping> plainPublisher;
    private SubmissionPublisher<Ping> tappedPublisher;
    private Queue<Ping> plainQueue;
    private Queue<Ping> tappedQueue;
    private ExecutorService pollers;

    @Setup(Level.Iteration)
    public void setUp() {
        DeliveryLog log = DeliveryLog.create();
        batch = new Batch(1);
        plainPool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
        tappedPool = Taps.threadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new ThreadPoolExecutor.AbortPolicy(), log, "pool");
        plainTimers = new ScheduledThreadPoolExecutor(1);
        tappedTimers = Taps.scheduledThreadPoolExecutor(1, log, "timers");
        subscribers = Executors.newFixedThreadPool(2);
        plainPublisher = new SubmissionPublisher<>(subscribers, Flow.defaultBufferSize());
        plainPublisher.subscribe(new CountingSubscriber(batch));
        tappedPublisher = Taps.submissionPublisher(subscribers, Flow.defaultBufferSize(), log,
                TapOptions.defaults().name("pings"));
        tappedPublisher.subscribe(new CountingSubscriber(batch));
        plainQueue = new ConcurrentLinkedQueue<>();
        tappedQueue = Taps.queue(new ConcurrentLinkedQueue<Ping>(), log, TapOptions.defaults().name("pings"));
        pollers = Executors.newFixedThreadPool(2);
        pollers.execute(() -> poll(plainQueue));
        pollers.execute(() -> poll(tappedQueue));
    }

    // Polls until interrupted; parks briefly when empty so that an idle poller does not hold a shared core.
    private void poll(Queue<Ping> queue) {
        while (!Thread.currentThread().isInterrupted()) {
            if (queue.poll() != null) {
                batch.received();
            } else {
                LockSupport.parkNanos(10_000);
            }
        }
    }

    @TearDown(Level.Iteration)
    public void tearDown() throws InterruptedException {
        plainPublisher.close();
        tappedPublisher.close();
        for (ExecutorService executor : new ExecutorService[] {plainPool, tappedPool, plainTimers, tappedTimers,
            subscribers, pollers}) {
            executor.shutdownNow();
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
        batch.close();
    }

    @Benchmark
    @OperationsPerInvocation(Batch.SIZE)
    public void threadPoolExecutor() throws Exception {
        batch.run((sender, i) -> plainPool.execute(batch::received));
    }

    @Benchmark
    @OperationsPerInvocation(Batch.SIZE)
    public void threadPoolTap() throws Exception {
        batch.run((sender, i) -> tappedPool.execute(batch::received));
    }

    @Benchmark
    @OperationsPerInvocation(Batch.SIZE)
    public void scheduledThreadPoolExecutor() throws Exception {
        batch.run((sender, i) -> plainTimers.execute(batch::received));
    }

    @Benchmark
    @OperationsPerInvocation(Batch.SIZE)
    public void scheduledPoolTap() throws Exception {
        batch.run((sender, i) -> tappedTimers.execute(batch::received));
    }

    @Benchmark
    @OperationsPerInvocation(Batch.SIZE)
    public void submissionPublisher() throws Exception {
        batch.run((sender, i) -> plainPublisher.submit(new Ping(i, "ping", 42.5)));
    }

    @Benchmark
    @OperationsPerInvocation(Batch.SIZE)
    public void submissionPublisherTap() throws Exception {
        batch.run((sender, i) -> tappedPublisher.submit(new Ping(i, "ping", 42.5)));
    }

    @Benchmark
    @OperationsPerInvocation(Batch.SIZE)
    public void concurrentLinkedQueue() throws Exception {
        batch.run((sender, i) -> plainQueue.offer(new Ping(i, "ping", 42.5)));
    }

    @Benchmark
    @OperationsPerInvocation(Batch.SIZE)
    public void concurrentLinkedQueueTap() throws Exception {
        batch.run((sender, i) -> tappedQueue.offer(new Ping(i, "ping", 42.5)));
    }
}
