package dev.courier.tap;

import static dev.courier.tap.LogReading.WAIT;
import static dev.courier.tap.LogReading.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DeliveryReport;
import dev.courier.history.EventKind;
import dev.courier.history.OrderReport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class StageTapTests {

    record Order(long id, String customer) {
    }

    record Invoice(long orderId, String customer) {
    }

    private final DeliveryLog log = DeliveryLog.create();
    private final StageTap<Order, Invoice> stage = Taps.stage("billing", log, Order::id, Invoice::orderId,
            Order::customer);
    private final List<Invoice> out = new ArrayList<>();

    private static List<Order> orders(int count) {
        List<Order> orders = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            orders.add(new Order(i, "customer-" + (i % 5)));
        }
        return orders;
    }

    private static Invoice bill(Order order) {
        return new Invoice(order.id(), order.customer());
    }

    @RepeatedTest(100)
    void aCorrectTwoThreadStagePartitionedByKeyHasNoAnomaly() throws Exception {
        // GIVEN a stage of two single-thread lanes, each customer always on the same lane
        ExecutorService[] lanes = {Executors.newSingleThreadExecutor(), Executors.newSingleThreadExecutor()};
        Consumer<Invoice> exit = stage.output(invoice -> { });
        Consumer<Order> entrance = stage.input(order ->
                lanes[Math.floorMod(order.customer().hashCode(), 2)].execute(() -> exit.accept(bill(order))));

        // WHEN 50 orders pass through it
        orders(50).forEach(entrance);
        for (ExecutorService lane : lanes) {
            lane.shutdown();
            assertThat(lane.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }

        // THEN every order left exactly once, in per-key order, and nothing is reported
        DeliveryReport delivery = Checks.delivery(log);
        assertThat(delivery.ok()).isEqualTo(50);
        assertThat(delivery.isClean()).as("%s", delivery).isTrue();
        assertThat(Checks.order(log).isInSendOrderPerSender()).isTrue();
        assertThat(Checks.diagnose(log).failures()).isEmpty();
    }

    @Test
    void aMessageTheStageLosesIsReportedAsNeverLeaving() {
        // GIVEN a stage that forgets order 3
        Consumer<Invoice> exit = stage.output(out::add);
        Consumer<Order> entrance = stage.input(order -> {
            if (order.id() != 3) {
                exit.accept(bill(order));
            }
        });

        // WHEN five orders pass through it
        orders(5).forEach(entrance);

        // THEN order 3 is the one message that entered and never left
        DeliveryReport delivery = Checks.delivery(log);
        assertThat(delivery.ok()).isEqualTo(4);
        assertThat(delivery.pending()).singleElement().satisfies(pending -> {
            assertThat(pending.sender()).isEqualTo("billing.in[customer-3]");
            assertThat(pending.receiver()).isEqualTo("stage:billing");
        });
    }

    @Test
    void aMessageTheStageEmitsTwiceIsADuplicate() {
        // GIVEN a stage that bills order 2 twice
        Consumer<Invoice> exit = stage.output(out::add);
        Consumer<Order> entrance = stage.input(order -> {
            exit.accept(bill(order));
            if (order.id() == 2) {
                exit.accept(bill(order));
            }
        });

        // WHEN three orders pass through it
        orders(3).forEach(entrance);

        // THEN order 2 is reported duplicated, delivered twice
        assertThat(Checks.delivery(log).duplicated()).singleElement().satisfies(duplicate -> {
            assertThat(duplicate.deliveries()).isEqualTo(2);
            assertThat(duplicate.sender()).isEqualTo("billing.in[customer-2]");
        });
    }

    @Test
    void aStageThatReordersOneCustomersOrdersIsAPerKeyInversion() {
        // GIVEN a stage that holds back customer-1's first order until its next one has left
        Consumer<Invoice> exit = stage.output(out::add);
        Order[] held = new Order[1];
        Consumer<Order> entrance = stage.input(order -> {
            if (order.id() == 1) {
                held[0] = order;
                return;
            }
            exit.accept(bill(order));
            if (order.id() == 6) {
                exit.accept(bill(held[0]));
            }
        });

        // WHEN ten orders pass through it (orders 1 and 6 are customer-1's)
        orders(10).forEach(entrance);

        // THEN all left once, but customer-1's left out of the order they entered
        assertThat(Checks.delivery(log).isClean()).isTrue();
        OrderReport order = Checks.order(log);
        assertThat(order.isInSendOrderPerSender()).isFalse();
        assertThat(order.perSenderViolations()).singleElement().satisfies(inversion ->
                assertThat(inversion.toString()).contains("billing.in[customer-1]"));
    }

    @Test
    void aStageThatThrowsExplainsTheMessageByItsException() {
        // GIVEN a stage that throws on order 2
        Consumer<Invoice> exit = stage.output(out::add);
        Consumer<Order> entrance = stage.input(order -> {
            if (order.id() == 2) {
                throw new IllegalStateException("no tax rate for " + order.customer());
            }
            exit.accept(bill(order));
        });

        // WHEN it is given orders 1 and 2
        entrance.accept(new Order(1, "a"));
        assertThatThrownBy(() -> entrance.accept(new Order(2, "b"))).isInstanceOf(IllegalStateException.class);

        // THEN order 2 is lost with the exception as its recorded fact, not pending
        assertThat(Checks.delivery(log).pending()).isEmpty();
        assertThat(events(log, EventKind.DROPPED)).singleElement().satisfies(drop -> {
            assertThat(drop.error()).hasMessage("no tax rate for b");
            assertThat(drop.detail()).isEqualTo("stage `billing` threw java.lang.IllegalStateException: no tax rate "
                    + "for b while handling it");
        });
    }
}
