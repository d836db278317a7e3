package dev.courier.tap;

import static dev.courier.tap.LogReading.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class StageTapOutcomesTests {

    record Order(long id, String customer) {
    }

    record Invoice(long orderId, String customer) {
    }

    private final DeliveryLog log = DeliveryLog.create();
    private final StageTap<Order, Invoice> stage = Taps.stage("billing", log, Order::id, Invoice::orderId,
            Order::customer);

    @Test
    void aStageNamesItsReceiver() {
        // GIVEN a stage named billing
        // WHEN it is asked its label and printed  THEN both name the stage receiver
        assertThat(stage.label()).isEqualTo("stage:billing");
        assertThat(stage).hasToString("StageTap[stage:billing]");
    }

    @Test
    void anOrderDroppedInTheStageIsRecordedWithItsCauseAndDetail() {
        // GIVEN an order that entered the stage
        Order order = new Order(7, "acme");
        stage.entered(order);

        // WHEN the stage drops it
        stage.dropped(order, DropCause.OVERFLOW, "lane full");

        // THEN it is recorded as dropped, with cause and detail, under the entering order's message
        assertThat(events(log, EventKind.DROPPED)).singleElement().satisfies(drop -> {
            assertThat(drop.cause()).isEqualTo(DropCause.OVERFLOW);
            assertThat(drop.detail()).isEqualTo("lane full");
            assertThat(drop.sender()).isEqualTo("billing.in[acme]");
        });
        assertThatThrownBy(() -> stage.dropped(order, null, "why")).hasMessage("cause");
    }

    @Test
    void aTrackedFutureThatFailsRecordsTheStageThrewWithTheUnwrappedCause() {
        // GIVEN two orders that entered the stage, each tracked by a future
        Order failing = new Order(1, "acme");
        Order fine = new Order(2, "acme");
        stage.entered(failing);
        stage.entered(fine);
        CompletableFuture<String> failed = stage.track(failing, new CompletableFuture<>());
        CompletableFuture<String> completed = stage.track(fine, new CompletableFuture<>());

        // WHEN one future fails with a wrapped cause and the other completes
        IllegalStateException cause = new IllegalStateException("tax service down");
        failed.completeExceptionally(new CompletionException(cause));
        completed.complete("ok");

        // THEN only the failed one is recorded, naming the stage and the cause beneath the wrapper
        assertThat(events(log, EventKind.DROPPED)).singleElement().satisfies(drop -> {
            assertThat(drop.messageId()).isEqualTo(1L);
            assertThat(drop.cause()).isNull();
            assertThat(drop.detail()).isEqualTo("stage `billing` threw " + cause + " while handling it");
            assertThat(drop.error()).isSameAs(cause);
        });
    }

    @Test
    void aFailureWithoutAWrapperIsRecordedAsItIs() {
        // GIVEN an order that entered the stage
        Order order = new Order(3, "acme");
        stage.entered(order);

        // WHEN the stage reports a CompletionException that wraps nothing
        CompletionException bare = new CompletionException("no cause", null);
        stage.failed(order, bare);

        // THEN that exception is the recorded error
        assertThat(events(log, EventKind.DROPPED)).singleElement()
                .satisfies(drop -> assertThat(drop.error()).isSameAs(bare));
    }
}
