package dev.courier.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.assertions.CourierAssertions;
import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import dev.courier.junit.CourierTest;
import dev.courier.junit.Workers;
import dev.courier.worker.MessageChannel;
import dev.courier.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The main side keeps an audit trail of events from two service workers, each posting on its own thread. A
 * test asserted that the trail lists the events in the order they were sent, and failed now and then: a
 * port keeps each sender's order, but nothing orders messages of different senders (seed failure mode:
 * assuming global order). Courier's global-order check fails with that explanation, reported as
 * CROSS_SENDER_INTERLEAVING, while per-sender FIFO holds; the same holds for several channels into one worker.
 * Fix: assert per-sender order (or order by a sequence number, or funnel through one sender).
 */
@CourierTest
class MultipleSendersOrderSampleTests {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final List<String> ORDERS = List.of("order-1", "order-2", "order-3");
    private static final List<String> PAYMENTS = List.of("payment-1", "payment-2");
    private static final List<String> SEND_ORDER = List.of("order-1", "order-2", "order-3", "payment-1", "payment-2");

    @Test
    void assumingGlobalSendOrderAcrossSendersFailsWithTheInterleavingExplained(Workers workers) throws Exception {
        // GIVEN two services whose events all reach the audit trail, the orders' auditing being slower
        List<Object> trail = new CopyOnWriteArrayList<>();
        auditBothServices(workers, trail);
        // WHEN the test assumes the trail follows global send order
        // THEN that assumption fails: the payments overtook the later orders
        assertThat(trail).containsExactlyInAnyOrderElementsOf(SEND_ORDER).isNotEqualTo(SEND_ORDER);
        // and Courier's global-order check fails, saying no global order is promised across senders
        assertThatThrownBy(() -> CourierAssertions.assertThat(workers.log()).isInGlobalSendOrder().check())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("CROSS_SENDER_INTERLEAVING at `main`")
                .hasMessageContaining("came after a message another sender sent later")
                .hasMessageContaining("no global order is promised across senders; per-sender FIFO held");
        assertThat(Checks.diagnose(workers.log()).informational()).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.kind()).isEqualTo(AnomalyKind.CROSS_SENDER_INTERLEAVING);
            assertThat(anomaly.isFailure()).isFalse();
            assertThat(anomaly.fix()).startsWith("do not assume global order across senders");
        });
    }

    @Test
    void perSenderOrderHoldsForEveryService(Workers workers) throws Exception {
        // GIVEN the same two services and audit trail
        List<Object> trail = new CopyOnWriteArrayList<>();
        // WHEN both services send their events
        auditBothServices(workers, trail);
        workers.all().forEach(Worker::close);
        // THEN each service's events are in its send order, which is what ports promise
        assertThat(trail).filteredOn(e -> e.toString().startsWith("order-")).containsExactlyElementsOf(ORDERS);
        assertThat(trail).filteredOn(e -> e.toString().startsWith("payment-")).containsExactlyElementsOf(PAYMENTS);
        CourierAssertions.assertThat(workers.log()).isInSendOrderPerSender().deliveredExactlyOnce().hasNoAnomalies().check();
    }

    @Test
    void sendersOnTheirOwnChannelsIntoOneWorkerInterleaveThereToo(Workers workers) throws Exception {
        // GIVEN an auditor worker given one channel port per service (Node's way to have several senders into
        // one worker), held busy while both services send
        List<Object> trail = new CopyOnWriteArrayList<>();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Worker auditor = workers.start("auditor", ctx -> ctx.parentPort().onMessage(e -> {
            if (e.ports().isEmpty()) {
                holding.countDown();
                awaitQuietly(release);
            } else {
                e.ports().get(0).onMessage(m -> trail.add(m.data()));
            }
        }));
        MessageChannel orders = workers.channel();
        MessageChannel payments = workers.channel();
        auditor.postMessage("orders", List.of(orders.port2()));
        auditor.postMessage("payments", List.of(payments.port2()));
        auditor.postMessage("hold");
        assertThat(holding.await(BOUND.toSeconds(), TimeUnit.SECONDS)).as("auditor busy").isTrue();

        // WHEN all orders are sent, then all payments, and the auditor gets going
        ORDERS.forEach(orders.port1()::postMessage);
        PAYMENTS.forEach(payments.port1()::postMessage);
        release.countDown();
        await(workers.log(), s -> count(s, EventKind.HANDLED, orders.port1().label())
                + count(s, EventKind.HANDLED, payments.port1().label()) == SEND_ORDER.size());

        // THEN the worker took turns between its ports, and Courier reports the interleaving at the worker
        assertThat(trail).isNotEqualTo(SEND_ORDER).containsExactlyInAnyOrderElementsOf(SEND_ORDER);
        assertThatThrownBy(() -> CourierAssertions.assertThat(workers.log()).isInGlobalSendOrder().check())
                .hasMessageContaining("CROSS_SENDER_INTERLEAVING at `" + auditor.label() + "`")
                .hasMessageContaining("no global order is promised across senders; per-sender FIFO held");
        CourierAssertions.assertThat(workers.log()).isInSendOrderPerSender().check();
    }

    // Orders are all sent before any payment; auditing the first order waits until a payment has been audited,
    // so the later orders reach the trail after a payment that was sent after them.
    private static void auditBothServices(Workers workers, List<Object> trail) throws Exception {
        Worker orders = startService(workers, "orders", ORDERS);
        Worker payments = startService(workers, "payments", PAYMENTS);
        CountDownLatch paymentAudited = new CountDownLatch(1);
        orders.onMessage(e -> {
            trail.add(e.data());
            if (e.sequence() == 1) {
                awaitQuietly(paymentAudited);
            }
        });
        payments.onMessage(e -> {
            trail.add(e.data());
            paymentAudited.countDown();
        });
        DeliveryLog log = workers.log();
        orders.postMessage("go");
        await(log, s -> count(s, EventKind.SENT, orders.label()) == ORDERS.size());
        payments.postMessage("go");
        await(log, s -> count(s, EventKind.HANDLED, orders.label()) + count(s, EventKind.HANDLED, payments.label())
                == SEND_ORDER.size());
    }

    // A service worker that, told to go, posts its events to main from its own thread.
    private static Worker startService(Workers workers, String name, List<String> events) {
        return workers.start(name, ctx -> ctx.parentPort().onMessage(go -> events.forEach(ctx.parentPort()::postMessage)));
    }

    private static long count(HistorySnapshot snapshot, EventKind kind, String sender) {
        return snapshot.select().kind(kind).from(sender).count();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(DeliveryLog log, Predicate<HistorySnapshot> condition) throws InterruptedException {
        assertThat(log.await(condition, BOUND)).as("history reached the expected state within %s:%n%s", BOUND,
                log.events()).isTrue();
    }
}
