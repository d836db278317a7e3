package dev.courier.tap;

import static dev.courier.tap.LogReading.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.history.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RecorderTests {

    private final DeliveryLog log = DeliveryLog.create();

    @Test
    void messagesRecordedAsSentAreClosedByAConsumerTapWithTheSameLabel() {
        // GIVEN a recorder on the producing side and a consumer tap on the callback, same label
        Recorder shop = Recorder.on(log, "listener:orders").as("shop");
        List<String> handled = new ArrayList<>();
        Consumer<String> listener = Taps.consumer(handled::add, log, "listener:orders");

        // WHEN two orders are sent and called back
        long first = shop.recordSent("order-1");
        long second = shop.recordSent("order-2");
        listener.accept("order-1");
        listener.accept("order-2");

        // THEN each is SENT, DELIVERED and HANDLED OK under one id, in sequence from the sender
        assertThat(handled).containsExactly("order-1", "order-2");
        assertThat(events(log, EventKind.SENT)).extracting(DeliveryEvent::messageId, DeliveryEvent::sender,
                DeliveryEvent::receiver, DeliveryEvent::sequence).containsExactly(
                tuple(first, "shop", "listener:orders", 1L), tuple(second, "shop", "listener:orders", 2L));
        assertThat(events(log, EventKind.DELIVERED)).extracting(DeliveryEvent::messageId)
                .containsExactly(first, second);
        assertThat(events(log, EventKind.HANDLED)).extracting(DeliveryEvent::messageId, DeliveryEvent::outcome)
                .containsExactly(tuple(first, Outcome.OK), tuple(second, Outcome.OK));
        assertThat(log.snapshot().count(EventKind.ENQUEUED)).isZero();
    }

    @Test
    void aCallbackThatThrowsIsHandledThrewAndTheExceptionReachesTheCaller() {
        // GIVEN a consumer tap around a failing callback, keyed by order number
        Recorder recorder = Recorder.on(log, "listener:orders");
        Consumer<String> listener = Taps.consumer(order -> {
            throw new IllegalStateException("no stock for " + order);
        }, log, "listener:orders", order -> order.substring(0, 7));
        long id = recorder.recordSent("order-7");

        // WHEN it is called back with a message of the same key THEN the callback's exception propagates
        assertThatThrownBy(() -> listener.accept("order-7 (retry)")).hasMessage("no stock for order-7 (retry)");
        assertThat(events(log, EventKind.HANDLED)).singleElement().satisfies(handled -> {
            assertThat(handled.messageId()).isEqualTo(id);
            assertThat(handled.outcome()).isEqualTo(Outcome.THREW);
            assertThat(handled.error()).hasMessage("no stock for order-7 (retry)");
        });
    }

    @Test
    void unknownKeysAreUnexpectedAndRepeatedDeliveriesAreDuplicates() {
        // GIVEN one recorded send
        Recorder recorder = Recorder.on(log, "webhook");
        long sent = recorder.recordSent(42);

        // WHEN it is delivered twice and an unknown key once
        long firstDelivery = recorder.recordDelivered(42);
        long secondDelivery = recorder.recordDelivered(42);
        long unknown = recorder.recordDelivered(99);

        // THEN the repeated delivery has the same id, the unknown one a fresh id and no sender
        assertThat(firstDelivery).isEqualTo(sent);
        assertThat(secondDelivery).isEqualTo(sent);
        assertThat(unknown).isNotEqualTo(sent);
        List<DeliveryEvent> delivered = events(log, EventKind.DELIVERED);
        assertThat(delivered.get(1).detail()).isEqualTo("delivered more often than sent");
        assertThat(delivered.get(2).sender()).isNull();
        assertThat(delivered.get(2).detail()).isEqualTo("never sent to webhook through a tap");
    }

    @Test
    void aKeySentAgainIsRecordedAsTheSameMessageEnqueuedAgain() {
        // GIVEN a recorder whose sender is the calling thread
        Recorder recorder = Recorder.on(log, "webhook");

        // WHEN one key is sent twice
        long first = recorder.recordSent("event-1");
        long again = recorder.recordSent("event-1");

        // THEN the second send reuses the id and says so, without a second SENT
        assertThat(again).isEqualTo(first);
        assertThat(events(log, EventKind.SENT)).singleElement()
                .satisfies(sent -> assertThat(sent.sender()).isEqualTo(Thread.currentThread().getName()));
        assertThat(events(log, EventKind.ENQUEUED)).singleElement().satisfies(enqueued -> {
            assertThat(enqueued.messageId()).isEqualTo(first);
            assertThat(enqueued.detail()).isEqualTo("sent again with the key of message " + first);
        });
    }

    @Test
    void droppedAndHandledAreRecordedWithTheirCauseAndOutcome() {
        // GIVEN two sent messages
        Recorder recorder = Recorder.on(log, "webhook").as("billing");
        long lost = recorder.recordSent("invoice-1");
        long failed = recorder.recordSent("invoice-2");

        // WHEN one is dropped and the other handled with an error
        recorder.recordDropped("invoice-1", DropCause.PORT_CLOSED, "endpoint returned 410");
        recorder.recordDelivered("invoice-2");
        recorder.recordHandled("invoice-2", new IllegalArgumentException("bad amount"));

        // THEN both facts are recorded under the right ids
        assertThat(events(log, EventKind.DROPPED)).singleElement().satisfies(drop -> {
            assertThat(drop.messageId()).isEqualTo(lost);
            assertThat(drop.cause()).isEqualTo(DropCause.PORT_CLOSED);
            assertThat(drop.detail()).isEqualTo("endpoint returned 410");
            assertThat(drop.sender()).isEqualTo("billing");
        });
        assertThat(events(log, EventKind.HANDLED)).singleElement().satisfies(handled -> {
            assertThat(handled.messageId()).isEqualTo(failed);
            assertThat(handled.outcome()).isEqualTo(Outcome.THREW);
        });
        assertThatThrownBy(() -> recorder.recordDropped("invoice-2", null, "why")).hasMessage("cause");
        assertThatThrownBy(() -> Recorder.on(log, "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label must be a non-blank label, got \"\"");
    }
}
