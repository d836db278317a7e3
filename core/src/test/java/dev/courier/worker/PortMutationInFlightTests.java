package dev.courier.worker;

import static dev.courier.worker.Histories.await;
import static dev.courier.worker.Histories.awaitKind;
import static dev.courier.worker.Histories.awaitQuietly;
import static dev.courier.worker.Histories.events;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.clone.Codecs;
import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Mutation in flight: snapshot at send, comparison at delivery, for codecs that share references. */
class PortMutationInFlightTests {

    private static final WorkerOptions DETECTING = WorkerOptions.defaults().codec(Codecs.identity())
            .detectMutationInFlight(true);

    /** A mutable user class without equals, so only a structural comparison can judge it. */
    static final class Order {
        final List<String> items = new ArrayList<>(List.of("tea", "milk"));
        int quantity = 1;
    }

    @AfterAll
    static void noWorkerThreadOutlivesTheClass() throws InterruptedException {
        WorkerThreads.assertNoneAlive();
    }

    @Test
    void aPayloadChangedAfterPostingIsRecordedAsMutatedInFlightWithItsPaths() throws Exception {
        // GIVEN a channel sharing references with detection on, and an order queued behind a held message
        Order order = new Order();
        DeliveryLog log = postWhileHeld(DETECTING, order, () -> {
            // WHEN the sender changes the order before it is delivered
            order.quantity = 5;
            order.items.add("sugar");
        });
        // THEN MUTATED_IN_FLIGHT names the order's message, both ends and each changed path, one a line
        DeliveryEvent sent = events(log, EventKind.SENT).get(1);
        List<DeliveryEvent> mutated = events(log, EventKind.MUTATED_IN_FLIGHT);
        assertThat(mutated).hasSize(1);
        DeliveryEvent mutation = mutated.get(0);
        assertThat(mutation.messageId()).isEqualTo(sent.messageId());
        assertThat(mutation.sequence()).isEqualTo(2);
        assertThat(mutation.sender()).isEqualTo("channel-1.port1");
        assertThat(mutation.receiver()).isEqualTo("channel-1.port2");
        assertThat(mutation.detail().split("\n")).containsExactly(
                "$.items[2]: EXTRA expected absent but was \"sugar\"",
                "$.quantity: VALUE_CHANGED expected 1 but was 5");
        // AND it is recorded at delivery, before the listener handles the message
        assertThat(events(log, e -> e.messageId() == sent.messageId())).extracting(DeliveryEvent::kind)
                .containsExactly(EventKind.SENT, EventKind.ENQUEUED, EventKind.DELIVERED, EventKind.MUTATED_IN_FLIGHT,
                        EventKind.HANDLED);
    }

    @Test
    void anUnchangedPayloadRecordsNoMutation() throws Exception {
        // GIVEN detection on WHEN an order is delivered untouched
        DeliveryLog log = postWhileHeld(DETECTING, new Order(), () -> { });
        // THEN nothing is recorded as mutated and SENT carries no note
        assertThat(events(log, EventKind.MUTATED_IN_FLIGHT)).isEmpty();
        assertThat(events(log, EventKind.SENT)).extracting(DeliveryEvent::detail).containsOnlyNulls();
    }

    @Test
    void withDetectionOffAChangedPayloadIsNotChecked() throws Exception {
        // GIVEN a sharing codec without detection
        Order order = new Order();
        // WHEN the sender changes the order before it is delivered
        DeliveryLog log = postWhileHeld(DETECTING.detectMutationInFlight(false), order, () -> order.quantity = 5);
        // THEN nothing is recorded as mutated
        assertThat(events(log, EventKind.HANDLED)).hasSize(2);
        assertThat(events(log, EventKind.MUTATED_IN_FLIGHT)).isEmpty();
    }

    @Test
    void aCopyingCodecNeverReportsMutationBecauseTheReceiverHasItsOwnCopy() throws Exception {
        // GIVEN detection on with the structured clone codec
        Order order = new Order();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        WorkerOptions copying = DETECTING.codec(Codecs.structuredClone());
        // WHEN the sender changes the order before it is delivered
        DeliveryLog log = postWhileHeld(copying, order, () -> order.quantity = 5,
                data -> seen.add(((Order) data).quantity));
        // THEN the receiver saw the value as sent and no mutation is recorded
        assertThat(seen).containsExactly(1);
        assertThat(events(log, EventKind.MUTATED_IN_FLIGHT)).isEmpty();
    }

    @Test
    void aPayloadThatCannotBeSnapshotIsSentWithTheReasonOnItsSentEvent() throws Exception {
        // GIVEN detection on and a payload holding a lambda (the identity codec sends it as is)
        Runnable callback = () -> { };
        // WHEN it is posted
        DeliveryLog log = postWhileHeld(DETECTING, List.of("ok", callback), () -> { });
        // THEN it is delivered, SENT says why there is no snapshot, and no mutation is recorded
        assertThat(events(log, EventKind.SENT).get(1).detail()).isEqualTo("no snapshot at send: path $[1]: "
                + callback.getClass().getName() + ": a lambda or method reference is a function, and functions"
                + " cannot be cloned");
        assertThat(events(log, EventKind.HANDLED)).hasSize(2);
        assertThat(events(log, EventKind.MUTATED_IN_FLIGHT)).isEmpty();
    }

    @Test
    void aLongListOfChangesIsCutAfterTwentyLines() throws Exception {
        // GIVEN detection on and a list of 25 words
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            words.add("w" + i);
        }
        // WHEN the sender replaces every word before delivery
        DeliveryLog log = postWhileHeld(DETECTING, words, () -> words.replaceAll(word -> word + "!"));
        // THEN twenty differences are listed, then how many more there were
        String[] lines = events(log, EventKind.MUTATED_IN_FLIGHT).get(0).detail().split("\n");
        assertThat(lines).hasSize(21);
        assertThat(lines[0]).isEqualTo("$[0]: VALUE_CHANGED expected \"w0\" but was \"w0!\"");
        assertThat(lines[20]).isEqualTo("and 5 more");
    }

    @Test
    void aWorkerWithDetectionOnChecksWhatMainPosts() throws Exception {
        // GIVEN a worker sharing references with detection on, held in its first message
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> {
            if ("hold".equals(e.data())) {
                holding.countDown();
                awaitQuietly(release);
            }
        }), DETECTING.name("kitchen"));
        worker.postMessage("hold");
        await(holding);
        Order order = new Order();
        worker.postMessage(order);
        // WHEN main changes the order before the worker gets it
        order.items.set(0, "coffee");
        release.countDown();
        // THEN the worker's delivery records the change
        awaitKind(worker.log(), EventKind.MUTATED_IN_FLIGHT, 1);
        DeliveryEvent mutation = events(worker.log(), EventKind.MUTATED_IN_FLIGHT).get(0);
        assertThat(mutation.sender()).isEqualTo("main");
        assertThat(mutation.receiver()).isEqualTo(worker.label());
        assertThat(mutation.detail()).isEqualTo("$.items[0]: VALUE_CHANGED expected \"tea\" but was \"coffee\"");
        worker.terminate().get(10, TimeUnit.SECONDS);
    }

    private static DeliveryLog postWhileHeld(WorkerOptions options, Object payload, Runnable mutate)
            throws InterruptedException {
        return postWhileHeld(options, payload, mutate, data -> { });
    }

    /**
     * Posts "hold", which keeps port2's listener waiting, then {@code payload}; runs {@code mutate} while the
     * payload is surely still queued, releases the listener and waits until both messages are handled.
     */
    private static DeliveryLog postWhileHeld(WorkerOptions options, Object payload, Runnable mutate,
                                             Consumer<Object> onPayload) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (MessageChannel channel = new MessageChannel(options.log(DeliveryLog.create()))) {
            channel.port2().onMessage(e -> {
                if ("hold".equals(e.data())) {
                    holding.countDown();
                    awaitQuietly(release);
                } else {
                    onPayload.accept(e.data());
                }
            });
            channel.port1().postMessage("hold");
            await(holding);
            channel.port1().postMessage(payload);
            mutate.run();
            release.countDown();
            awaitKind(channel.log(), EventKind.HANDLED, 2);
            return channel.log();
        }
    }
}
