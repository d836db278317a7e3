package dev.courier.worker;

import static dev.courier.worker.Histories.BOUND;
import static dev.courier.worker.Histories.awaitEvents;
import static dev.courier.worker.Histories.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import dev.courier.history.OrderReport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** S11: several channels into one worker have no global order, and the order check sees it at the worker. */
class PortsIntoOneWorkerOrderTests {

    @AfterAll
    static void noWorkerThreadOutlivesTheClass() throws InterruptedException {
        WorkerThreads.assertNoneAlive();
    }

    @Test
    void interleavingAcrossPortsTransferredIntoOneWorkerIsReportedAtTheWorker() throws Exception {
        // GIVEN a worker that listens on each port it is given and can be held busy on a latch
        List<Object> handled = new CopyOnWriteArrayList<>();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> {
            if (!e.ports().isEmpty()) {
                e.ports().get(0).onMessage(m -> handled.add(m.data()));
            } else {
                holding.countDown();
                awaitQuietly(release);
            }
        }), WorkerOptions.defaults().name("orders"));
        DeliveryLog log = worker.log();
        try (MessageChannel orders = new MessageChannel(log); MessageChannel payments = new MessageChannel(log)) {
            worker.postMessage("orders", List.of(orders.port2()));
            worker.postMessage("payments", List.of(payments.port2()));
            worker.postMessage("hold");
            assertThat(holding.await(BOUND.toSeconds(), TimeUnit.SECONDS)).as("worker holding").isTrue();

            // WHEN while it is held, one thread sends order-1..3, then another payment-1..2
            send(orders.port1(), "order-1", "order-2", "order-3");
            send(payments.port1(), "payment-1", "payment-2");
            release.countDown();
            awaitEvents(log, e -> e.kind() == EventKind.HANDLED && e.sender().startsWith("channel-"), 5);

            // THEN the worker took turns between its ports
            assertThat(handled).containsExactly("order-1", "payment-1", "order-2", "payment-2", "order-3");
            assertThat(events(log, EventKind.PORT_TRANSFERRED)).extracting(DeliveryEvent::receiver, DeliveryEvent::detail)
                    .containsExactly(tuple(orders.port2().label(), worker.label()),
                            tuple(payments.port2().label(), worker.label()));
            // and the order check reports the interleaving at the worker, with per-sender FIFO intact
            OrderReport report = Checks.order(log);
            assertThat(report.isInSendOrderPerSender()).isTrue();
            assertThat(report.isInGlobalSendOrder()).isFalse();
            assertThat(report.globalTotal()).isEqualTo(2);
            assertThat(report.anomalies()).singleElement().satisfies(anomaly -> {
                assertThat(anomaly.kind()).isEqualTo(AnomalyKind.CROSS_SENDER_INTERLEAVING);
                assertThat(anomaly.endpoint()).isEqualTo(worker.label());
                assertThat(anomaly.explanation()).isEqualTo("2 deliveries to `" + worker.label() + "` came after a "
                        + "message another sender sent later (first: message " + sentId(log, orders, 2) + " from `"
                        + orders.port1().label() + "` (seq 2) was delivered after message " + sentId(log, payments, 1)
                        + " from `" + payments.port1().label() + "` (seq 1)); no global order is promised across "
                        + "senders; per-sender FIFO held");
            });
        } finally {
            release.countDown();
            worker.terminate().get(BOUND.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static void send(MessagePort port, String... messages) throws InterruptedException {
        Thread sender = new Thread(() -> {
            for (String message : messages) {
                port.postMessage(message);
            }
        }, "sender-" + port.label());
        sender.start();
        TimeUnit.SECONDS.timedJoin(sender, BOUND.toSeconds());
        assertThat(sender.isAlive()).as("%s finished sending", sender.getName()).isFalse();
    }

    private static long sentId(DeliveryLog log, MessageChannel channel, long sequence) {
        return events(log, e -> e.kind() == EventKind.SENT && channel.port1().label().equals(e.sender())
                && e.sequence() == sequence).get(0).messageId();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException terminated) {
            Thread.currentThread().interrupt();
        }
    }
}
