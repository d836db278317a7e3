package dev.courier.tap;

import static dev.courier.tap.LogReading.events;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import org.junit.jupiter.api.Test;

class RecorderPayloadTests {

    private final DeliveryLog log = DeliveryLog.create();

    @Test
    void aSendAndDeliveryRecordedWithAPayloadCarryItUnderOneId() {
        // GIVEN a recorder labelled by its sender
        Recorder recorder = Recorder.on(log, "webhook").as("billing");

        // WHEN a key is recorded sent and delivered with payloads
        long sent = recorder.recordSent("invoice-9", "{\"amount\": 9}");
        long delivered = recorder.recordDelivered("invoice-9", "{\"amount\": 9, \"seen\": true}");

        // THEN the SENT and the DELIVERED carry their payload and the sender, under the same id
        assertThat(delivered).isEqualTo(sent);
        assertThat(events(log, EventKind.SENT)).singleElement().satisfies(event -> {
            assertThat(event.messageId()).isEqualTo(sent);
            assertThat(event.sender()).isEqualTo("billing");
            assertThat(event.receiver()).isEqualTo("webhook");
        });
        assertThat(events(log, EventKind.SENT)).singleElement()
                .satisfies(event -> assertThat(event.payload()).isEqualTo("{\"amount\": 9}"));
        assertThat(events(log, EventKind.ENQUEUED)).isEmpty();
        assertThat(events(log, EventKind.DELIVERED)).singleElement()
                .satisfies(event -> assertThat(event.payload()).isEqualTo("{\"amount\": 9, \"seen\": true}"));
    }

    @Test
    void aSendRecordedWithAPayloadOnTheCallingThreadNamesTheThread() {
        // GIVEN a recorder without a sender label
        Recorder recorder = Recorder.on(log, "webhook");

        // WHEN a key is recorded sent with a payload
        long sent = recorder.recordSent("event-1", "body");

        // THEN the sender is this thread, and the id is the first
        assertThat(sent).isEqualTo(1L);
        assertThat(events(log, EventKind.SENT)).singleElement()
                .satisfies(event -> assertThat(event.sender()).isEqualTo(Thread.currentThread().getName()));
    }

    @Test
    void aRecorderNamesItsReceiverAndSender() {
        // GIVEN a recorder, and the same one labelled by its sender
        Recorder plain = Recorder.on(log, "webhook");
        Recorder billing = plain.as("billing");

        // WHEN they are printed  THEN each names its receiver, and the labelled one its sender
        assertThat(plain.label()).isEqualTo("webhook");
        assertThat(plain).hasToString("Recorder[webhook]");
        assertThat(billing).hasToString("Recorder[webhook, sender billing]");
    }

    @Test
    void aMessageHandledButNeverSentSaysSoAndOneSentDoesNot() {
        // GIVEN a recorder, one key sent and delivered, another only delivered
        Recorder recorder = Recorder.on(log, "webhook");
        recorder.recordSent("known");
        recorder.recordDelivered("known");
        recorder.recordDelivered("stray");

        // WHEN both are handled
        recorder.recordHandled("known", null);
        recorder.recordHandled("stray", null);

        // THEN only the stray one's HANDLED says it was never sent through a tap
        assertThat(events(log, EventKind.HANDLED)).extracting(event -> event.detail())
                .containsExactly(null, "never sent to webhook through a tap");
    }
}
