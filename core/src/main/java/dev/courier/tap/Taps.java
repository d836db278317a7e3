package dev.courier.tap;

import dev.courier.history.DeliveryLog;
import dev.courier.tap.internal.Labels;
import dev.courier.tap.internal.Ledger;
import dev.courier.tap.internal.PublisherState;
import dev.courier.tap.internal.QueueTracker;
import dev.courier.tap.internal.Registry;
import dev.courier.tap.internal.TappedConsumer;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Taps: record deliveries through the JDK transports a program already uses into a
 * {@link DeliveryLog}, with the same events, labels and sequence numbers as Courier's workers, so the
 * same checks and assertions apply. Each tap registers its state in the log for timeout reports.
 *
 * <pre>{@code
 * DeliveryLog log = DeliveryLog.create();
 * QueueTap<Job> jobs = Taps.queue(new ArrayBlockingQueue<>(64), log, TapOptions.defaults().name("jobs"));
 * jobs.as("producer-1").put(job);            // SENT + ENQUEUED
 * Job next = jobs.take();                    // DELIVERED
 * ExecutorService pool = Taps.executor(Executors.newFixedThreadPool(2), log, "pool");
 * }</pre>
 *
 * <p>Thread contract: the factories may be called from any thread; see each tap for its own contract.
 */
public final class Taps {

    private Taps() {
    }

    /** Taps {@code queue} with {@link TapOptions#defaults()}: label {@code queue:<n>}, identity keys. */
    public static <T> QueueTap<T> queue(BlockingQueue<T> queue, DeliveryLog log) {
        return queue(queue, log, TapOptions.defaults());
    }

    /** Taps {@code queue} with the given options. */
    public static <T> QueueTap<T> queue(BlockingQueue<T> queue, DeliveryLog log, TapOptions<? super T> options) {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(options, "options");
        QueueTracker tracker = tracker(queue, log, options);
        return new QueueTap<>(queue, tracker, options.sender());
    }

    /** Taps {@code executor} under the label {@code executor:<n>}. */
    public static ExecutorTap executor(ExecutorService executor, DeliveryLog log) {
        return new ExecutorTap(Objects.requireNonNull(executor, "executor"), Registry.freshLedger(log, "executor:"));
    }

    /** Taps {@code executor} under the label {@code executor:<name>}. */
    public static ExecutorTap executor(ExecutorService executor, DeliveryLog log, String name) {
        Objects.requireNonNull(executor, "executor");
        return new ExecutorTap(executor, Registry.ledger(log, "executor:" + Labels.requireLabel(name, "executor name")));
    }

    /** Taps {@code publisher} under the label {@code publisher:<n>}. */
    public static <T> PublisherTap<T> publisher(SubmissionPublisher<T> publisher, DeliveryLog log) {
        Objects.requireNonNull(publisher, "publisher");
        PublisherState state = Registry.fresh(log, "publisher:", label -> new PublisherState(label, publisher));
        return new PublisherTap<>(publisher, log, state.label());
    }

    /** Taps {@code publisher} under the label {@code publisher:<name>}. */
    public static <T> PublisherTap<T> publisher(SubmissionPublisher<T> publisher, DeliveryLog log, String name) {
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(log, "log");
        String label = "publisher:" + Labels.requireLabel(name, "publisher name");
        Registry.register(log, new PublisherState(label, publisher));
        return new PublisherTap<>(publisher, log, label);
    }

    /**
     * Taps a non-blocking {@link Queue} ({@code ConcurrentLinkedQueue}, a bounded JCTools-style queue):
     * {@code offer} returning false is DROPPED OVERFLOW. A {@link BlockingQueue} argument picks the
     * {@link #queue(BlockingQueue, DeliveryLog, TapOptions) blocking overload}.
     */
    public static <T> NonBlockingQueueTap<T> queue(Queue<T> queue, DeliveryLog log, TapOptions<? super T> options) {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(options, "options");
        QueueTracker tracker = tracker(queue, log, options);
        return new NonBlockingQueueTap<>(queue, tracker, options.sender());
    }

    /**
     * A real {@link ThreadPoolExecutor} recording every task into {@code log} as a message to
     * {@code executor:<name>} ({@link ThreadPoolTap}); the arguments are the JDK constructor's. The
     * rejection policy is recorded as what it did: DROPPED OVERFLOW "discarded by DiscardPolicy, capacity
     * 4, queue depth 4, 2 of max 2 threads busy" (DiscardOldestPolicy: the evicted task, naming the one it
     * made room for), "rejected by AbortPolicy, ...", or ENQUEUED "rejected, ...: run by CallerRunsPolicy
     * on the submitting thread"; after shutdown DROPPED PORT_CLOSED.
     *
     * <p>There is no {@code forkJoinPool} tap: tasks a {@code ForkJoinTask} forks from inside the pool go
     * to the worker's own deque without passing any overridable method of {@code ForkJoinPool}, so only
     * outside submissions could be recorded and a fork/join program would show deliveries that were never
     * sent. Use {@code threadPoolExecutor} or {@link #executor(ExecutorService, DeliveryLog, String)} for
     * the stages whose delivery matters.
     */
    public static ThreadPoolTap threadPoolExecutor(int corePoolSize, int maximumPoolSize, long keepAlive,
                                                   TimeUnit unit, BlockingQueue<Runnable> queue,
                                                   ThreadFactory threads, RejectedExecutionHandler handler,
                                                   DeliveryLog log, String name) {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(handler, "handler");
        Ledger ledger = Registry.ledger(log, "executor:" + Labels.requireLabel(name, "executor name"));
        return new ThreadPoolTap(corePoolSize, maximumPoolSize, keepAlive, unit, queue, threads, handler, ledger);
    }

    /** As the full overload, with the JDK's default thread factory. */
    public static ThreadPoolTap threadPoolExecutor(int corePoolSize, int maximumPoolSize, long keepAlive,
                                                   TimeUnit unit, BlockingQueue<Runnable> queue,
                                                   RejectedExecutionHandler handler, DeliveryLog log, String name) {
        return threadPoolExecutor(corePoolSize, maximumPoolSize, keepAlive, unit, queue,
                Executors.defaultThreadFactory(), handler, log, name);
    }

    /** A real {@link ScheduledThreadPoolExecutor} recording every scheduled task ({@link ScheduledPoolTap}). */
    public static ScheduledPoolTap scheduledThreadPoolExecutor(int corePoolSize, ThreadFactory threads,
                                                               RejectedExecutionHandler handler, DeliveryLog log,
                                                               String name) {
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(handler, "handler");
        Ledger ledger = Registry.ledger(log, "executor:" + Labels.requireLabel(name, "executor name"));
        return new ScheduledPoolTap(corePoolSize, threads, handler, ledger);
    }

    /** As the full overload, with the JDK's default thread factory and AbortPolicy. */
    public static ScheduledPoolTap scheduledThreadPoolExecutor(int corePoolSize, DeliveryLog log, String name) {
        return scheduledThreadPoolExecutor(corePoolSize, Executors.defaultThreadFactory(),
                new ThreadPoolExecutor.AbortPolicy(), log, name);
    }

    /**
     * A real {@link SubmissionPublisher} on {@code executor} with {@code maxBufferCapacity}, recording each
     * item as one message per subscriber ({@link SubmissionPublisherTap}); label {@code publisher:<name>}
     * from the options (numbered without a name); the options' payload retention applies to every
     * subscriber.
     */
    public static <T> SubmissionPublisherTap<T> submissionPublisher(Executor executor, int maxBufferCapacity,
                                                                    DeliveryLog log, TapOptions<?> options) {
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(options, "options");
        SubmissionPublisher<T> inner = new SubmissionPublisher<>(executor, maxBufferCapacity);
        PublisherTap<T> tap = options.name() == null ? publisher(inner, log) : publisher(inner, log, options.name());
        return new SubmissionPublisherTap<>(inner, tap.retainingPayloads(options.retainsPayloads()));
    }

    /** As the full overload, on the common pool with the JDK's default buffer capacity. */
    public static <T> SubmissionPublisherTap<T> submissionPublisher(DeliveryLog log, String name) {
        return submissionPublisher(ForkJoinPool.commonPool(), Flow.defaultBufferSize(), log,
                TapOptions.defaults().name(name));
    }

    /**
     * A pipeline stage checked from outside ({@link StageTap}): record what enters with
     * {@code entered} (or wrap the entrance with {@code input}) and what leaves with {@code left} (or
     * {@code output}); every message must leave exactly once and, per {@code orderKey}, in the order it
     * entered. {@code inId} and {@code outId} give the message id on each side (the leaving message
     * carries the id of the one it came from).
     */
    public static <I, O> StageTap<I, O> stage(String name, DeliveryLog log, Function<? super I, ?> inId,
                                              Function<? super O, ?> outId, Function<? super I, ?> orderKey) {
        Objects.requireNonNull(inId, "inId");
        Objects.requireNonNull(outId, "outId");
        Objects.requireNonNull(orderKey, "orderKey");
        Ledger ledger = Registry.ledger(log, "stage:" + Labels.requireLabel(name, "stage name"));
        return new StageTap<>(name, ledger, inId, outId, orderKey);
    }

    @SuppressWarnings("unchecked")
    private static QueueTracker tracker(Queue<?> queue, DeliveryLog log, TapOptions<?> options) {
        Ledger ledger = options.name() == null ? Registry.freshLedger(log, "queue:")
                : Registry.ledger(log, "queue:" + options.name());
        if (options.retainsPayloads()) {
            ledger.retainPayloads();
        }
        return new QueueTracker(queue, ledger, (Function<Object, ?>) options.key(), options.snapshotsAtSend(),
                options.comparator(), (Predicate<Object>) options.endOfStream());
    }

    /**
     * Wraps a callback as the receiving endpoint {@code label}: each call records DELIVERED, then HANDLED
     * OK or THREW. The message itself is its key ({@code equals}); pair it with
     * {@code Recorder.on(log, label).recordSent(message)} where messages are sent.
     */
    public static <T> Consumer<T> consumer(Consumer<T> callback, DeliveryLog log, String label) {
        return consumer(callback, log, label, Function.identity());
    }

    /** As {@link #consumer(Consumer, DeliveryLog, String)}, identifying messages by {@code key}. */
    public static <T> Consumer<T> consumer(Consumer<T> callback, DeliveryLog log, String label,
                                           Function<? super T, ?> key) {
        Objects.requireNonNull(callback, "callback");
        Objects.requireNonNull(key, "key");
        return new TappedConsumer<>(callback, Registry.ledger(log, label), key);
    }
}
