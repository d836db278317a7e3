package dev.courier.tap;

import static dev.courier.tap.LogReading.WAIT;
import static dev.courier.tap.LogReading.awaitCount;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DeliveryReport;
import dev.courier.history.EventKind;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The taps' newer facts (a stage that threw, a rejection policy) get the advice that fits their cause. */
class TapCauseDiagnosisTests {

    record Order(long id, String customer) {
    }

    record Invoice(long orderId, String customer) {
    }

    private final DeliveryLog log = DeliveryLog.create();
    private final StageTap<Order, Invoice> stage = Taps.stage("billing", log, Order::id, Invoice::orderId,
            Order::customer);

    private static Invoice bill(Order order) {
        return new Invoice(order.id(), order.customer());
    }

    private Anomaly leadingFailure() {
        List<Anomaly> failures = Checks.diagnose(log).failures();
        assertThat(failures).as("diagnosis of %s", log.events()).isNotEmpty();
        return failures.get(0);
    }

    @Test
    void aStageFunctionThatThrowsLeadsTheDiagnosisWithItsException() {
        // GIVEN a stage whose function throws for order 2
        Consumer<Invoice> exit = stage.output(invoice -> { });
        Consumer<Order> entrance = stage.input(order -> {
            if (order.id() == 2) {
                throw new IllegalStateException("no tax rate for " + order.customer());
            }
            exit.accept(bill(order));
        });

        // WHEN three orders pass through it
        for (long id = 1; id <= 3; id++) {
            try {
                entrance.accept(new Order(id, "customer-" + id));
            } catch (IllegalStateException expected) {
                // the stage's caller sees the exception; the history keeps it
            }
        }

        // THEN the diagnosis leads with the exception, its class, message and the stage, and says to handle it
        Anomaly failed = leadingFailure();
        assertThat(failed.kind()).isEqualTo(AnomalyKind.STAGE_FAILED);
        assertThat(failed.explanation()).isEqualTo("1 message to `stage:billing` was never delivered because the "
                + "stage carrying it threw: stage `billing` threw java.lang.IllegalStateException: no tax rate for "
                + "customer-2 while handling it (message 2)");
        assertThat(failed.fix()).startsWith("handle the exception where the stage throws it (catch it and retry, "
                + "fall back, or record the drop with its cause").doesNotContainIgnoringCase("wait");
        assertThat(failed.messageIds()).containsExactly(2L);
        assertThat(Checks.delivery(log).lost()).singleElement()
                .satisfies(lost -> assertThat(lost.stageThrew()).isTrue());
    }

    @Test
    void aTrackedCompletableFutureStageThatThrowsIsExplainedByThatException() throws InterruptedException {
        // GIVEN a stage whose work is a CompletableFuture chain, tracked, and whose second step throws for order 2
        Consumer<Invoice> exit = stage.output(invoice -> { });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // WHEN two orders go through it and the failed future is never read
            for (long id = 1; id <= 2; id++) {
                Order order = new Order(id, "customer-" + id);
                stage.entered(order);
                stage.track(order, CompletableFuture.supplyAsync(() -> order, pool).thenApply(entered -> {
                    if (entered.id() == 2) {
                        throw new IllegalArgumentException("unknown customer " + entered.customer());
                    }
                    return bill(entered);
                }).thenAccept(exit));
            }
            awaitCount(log, EventKind.DROPPED, 1);
        } finally {
            pool.shutdownNow();
        }

        // THEN the swallowed exception is the diagnosis, unwrapped from its CompletionException
        Anomaly failed = leadingFailure();
        assertThat(failed.kind()).isEqualTo(AnomalyKind.STAGE_FAILED);
        assertThat(failed.explanation()).isEqualTo("1 message to `stage:billing` was never delivered because the "
                + "stage carrying it threw: stage `billing` threw java.lang.IllegalArgumentException: unknown "
                + "customer customer-2 while handling it (message 2)");
        assertThat(failed.fix()).contains("a CompletableFuture chain swallows an exception unless something reads "
                + "the failed future");
    }

    @Test
    void aFutureTrackedByARecorderThatFailsIsExplainedByTheFuturesException() throws InterruptedException {
        // GIVEN a hand-recorded transport whose delivery of message "b" runs in a future that throws
        Recorder inbox = Recorder.on(log, "inbox");
        inbox.recordSent("a");
        inbox.recordDelivered("a");
        inbox.recordSent("b");

        // WHEN the future fails and nobody reads it
        inbox.track(CompletableFuture.runAsync(() -> {
            throw new IllegalStateException("cannot decode b");
        }), "b");
        awaitCount(log, EventKind.DROPPED, 1);

        // THEN the diagnosis names the future's exception, not a delivery still to come
        Anomaly failed = leadingFailure();
        assertThat(failed.kind()).isEqualTo(AnomalyKind.STAGE_FAILED);
        assertThat(failed.explanation()).isEqualTo("1 message to `inbox` was never delivered because the stage "
                + "carrying it threw: the future completed exceptionally: java.lang.IllegalStateException: cannot "
                + "decode b; the message never reached inbox (message 2)");
        assertThat(Checks.diagnose(log).failures()).extracting(Anomaly::kind).doesNotContain(AnomalyKind.PENDING,
                AnomalyKind.LOST_UNKNOWN_CAUSE);
    }

    @RepeatedTest(100)
    void aCorrectTwoThreadStageOfTrackedFuturesHasNoAnomaly() throws InterruptedException {
        // GIVEN a stage whose work runs as tracked futures on two lanes, each customer always on one lane
        ExecutorService[] lanes = {Executors.newSingleThreadExecutor(), Executors.newSingleThreadExecutor()};
        Consumer<Invoice> exit = stage.output(invoice -> { });
        try {
            // WHEN 40 orders go through it
            for (long id = 1; id <= 40; id++) {
                Order order = new Order(id, "customer-" + id % 4);
                stage.entered(order);
                stage.track(order, CompletableFuture.supplyAsync(() -> bill(order),
                        lanes[(int) (id % 4) % 2]).thenAccept(exit));
            }
            assertThat(log.await(snapshot -> snapshot.count(EventKind.DELIVERED) == 40, WAIT)).isTrue();
        } finally {
            for (ExecutorService lane : lanes) {
                lane.shutdownNow();
            }
        }

        // THEN nothing is reported
        assertThat(Checks.diagnose(log).failures()).isEmpty();
        assertThat(Checks.delivery(log).ok()).isEqualTo(40);
    }

    /** A pool with one thread (held busy by the first task) and a queue of two. */
    private ThreadPoolTap heldPool(RejectedExecutionHandler policy, CountDownLatch release)
            throws InterruptedException {
        ThreadPoolTap pool = Taps.threadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2), policy,
                log, "pool");
        CountDownLatch started = new CountDownLatch(1);
        pool.execute(() -> {
            started.countDown();
            try {
                release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return pool;
    }

    private static RejectedExecutionHandler policy(String name) {
        return switch (name) {
            case "DiscardPolicy" -> new ThreadPoolExecutor.DiscardPolicy();
            case "DiscardOldestPolicy" -> new ThreadPoolExecutor.DiscardOldestPolicy();
            default -> new ThreadPoolExecutor.AbortPolicy();
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"DiscardPolicy", "DiscardOldestPolicy", "AbortPolicy"})
    void anExecutorOverflowIsAdvisedByItsPolicyAndCapacity(String policyName) throws InterruptedException {
        // GIVEN a busy pool with a full queue of two
        CountDownLatch release = new CountDownLatch(1);
        ThreadPoolTap pool = heldPool(policy(policyName), release);

        // WHEN five more tasks are submitted
        for (int i = 0; i < 5; i++) {
            try {
                pool.execute(() -> { });
            } catch (RejectedExecutionException rejected) {
                // AbortPolicy: the submitter ignores it, so the task is lost
            }
        }
        release.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        // THEN the overflow names the policy and the capacity, and the fix bounds the producer or the policy
        Anomaly overflow = leadingFailure();
        assertThat(overflow.kind()).isEqualTo(AnomalyKind.OVERFLOW);
        String verb = policyName.equals("AbortPolicy") ? "rejected" : "discarded";
        assertThat(overflow.explanation()).startsWith("`executor:pool` had no room for 3 tasks: its queue (capacity "
                + "2) was full and every thread busy, so they were " + verb + " by " + policyName + " (OVERFLOW; ")
                .contains("capacity 2, queue depth 2, 1 of max 1 threads busy), high-water mark 2; tasks were "
                        + "submitted at ");
        assertThat(overflow.fix()).startsWith(policyName).endsWith(": bound the producer (e.g. a Semaphore with as "
                + "many permits as queue slots, released when a task ends), give the pool a queue "
                + "bigger than 2, or use CallerRunsPolicy so a full queue slows the submitter down instead of losing "
                + "tasks");
        assertThat(overflow.explanation() + overflow.fix()).doesNotContain("pending", "still queued");
    }

    @RepeatedTest(100)
    void aPoolWhoseProducerIsBoundedNeverOverflowsAndHasNoAnomaly() throws InterruptedException {
        // GIVEN a one-thread pool with a queue of two, and a producer bounded to as many tasks in flight as queue slots
        ThreadPoolTap pool = Taps.threadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2),
                new ThreadPoolExecutor.AbortPolicy(), log, "pool");
        Semaphore inFlight = new Semaphore(2);

        // WHEN 30 tasks are submitted, each releasing its permit when it ends
        for (int i = 0; i < 30; i++) {
            inFlight.acquire();
            pool.execute(inFlight::release);
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        // THEN every task ran once and nothing is reported
        DeliveryReport delivery = Checks.delivery(log);
        assertThat(delivery.ok()).isEqualTo(30);
        assertThat(Checks.diagnose(log).failures()).isEmpty();
    }

    @RepeatedTest(100)
    void aCallerRunsPoolUnderLoadLosesNothingAndHasNoAnomaly() throws InterruptedException {
        // GIVEN a one-thread pool with a queue of two under CallerRunsPolicy
        ThreadPoolTap pool = Taps.threadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2),
                new ThreadPoolExecutor.CallerRunsPolicy(), log, "pool");

        // WHEN 30 tasks are submitted as fast as possible (some run on the submitting thread)
        for (int i = 0; i < 30; i++) {
            pool.execute(() -> { });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        // THEN nothing is lost and the submitter's tasks are no order anomaly
        assertThat(Checks.delivery(log).ok()).isEqualTo(30);
        assertThat(Checks.diagnose(log).failures()).isEmpty();
    }

    @Test
    void anOrderInversionCausedByCallerRunsPolicySaysSoAndIsNoRealBugVerdict() throws InterruptedException {
        // GIVEN a stage that hands each order to a one-thread pool with a queue of one under CallerRunsPolicy,
        // its thread held busy by order 1, so order 2 waits in the queue
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch first = new CountDownLatch(1);
        ThreadPoolTap lane = Taps.threadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1),
                new ThreadPoolExecutor.CallerRunsPolicy(), log, "lane");
        Consumer<Invoice> exit = stage.output(invoice -> { });
        Consumer<Order> entrance = stage.input(order -> lane.execute(() -> {
            if (order.id() == 1) {
                first.countDown();
                try {
                    release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
            }
            exit.accept(bill(order));
        }));

        // WHEN three orders of one customer enter: 1 runs (held), 2 is queued, 3 is rejected and runs on the caller
        entrance.accept(new Order(1, "customer-1"));
        assertThat(first.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        entrance.accept(new Order(2, "customer-1"));
        entrance.accept(new Order(3, "customer-1"));
        release.countDown();
        lane.shutdown();
        assertThat(lane.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        // THEN the order finding names CallerRunsPolicy as the cause, never a generic ordering bug
        Anomaly order = Checks.diagnose(log).failures().stream()
                .filter(anomaly -> anomaly.kind() == AnomalyKind.PER_SENDER_ORDER_VIOLATED).findFirst().orElseThrow();
        assertThat(order.endpoint()).isEqualTo("stage:billing");
        assertThat(order.explanation()).startsWith("2 deliveries to `stage:billing` broke per-sender FIFO (first: ")
                .contains("; message 5 overtook message 1 because `executor:lane` was full and its task was run by "
                        + "CallerRunsPolicy on the submitting thread " + Thread.currentThread().getName()
                        + ", while earlier tasks still waited in its queue: a rejected task run on the submitter's "
                        + "thread may overtake queued ones, so this order comes from the rejection policy")
                .doesNotContain("real ordering bug");
        assertThat(order.fix()).startsWith("if this order matters, keep ordered work away from CallerRunsPolicy")
                .doesNotContain("re-sends, retries");
    }
}
