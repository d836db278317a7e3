package dev.courier.tap;

import dev.courier.history.DeliveryLog;
import dev.courier.tap.internal.Labels;
import dev.courier.tap.internal.Ledger;
import dev.courier.tap.internal.QueueTracker;
import dev.courier.tap.internal.Registry;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

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
                options.snapshotsAtSend(), options.comparator());
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
}
