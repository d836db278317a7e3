package dev.courier.tap;

import dev.courier.history.DeliveryLog;
import dev.courier.tap.internal.Labels;
import dev.courier.tap.internal.Ledger;
import dev.courier.tap.internal.PublisherState;
import dev.courier.tap.internal.QueueTracker;
import dev.courier.tap.internal.Registry;
import dev.courier.tap.internal.TappedConsumer;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SubmissionPublisher;
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
    @SuppressWarnings("unchecked")
    public static <T> QueueTap<T> queue(BlockingQueue<T> queue, DeliveryLog log, TapOptions<? super T> options) {
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(options, "options");
        Ledger ledger = options.name() == null ? Registry.freshLedger(log, "queue:")
                : Registry.ledger(log, "queue:" + options.name());
        QueueTracker tracker = new QueueTracker(queue, ledger, (Function<Object, ?>) options.key(),
                options.snapshotsAtSend(), options.comparator(), (Predicate<Object>) options.endOfStream());
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
