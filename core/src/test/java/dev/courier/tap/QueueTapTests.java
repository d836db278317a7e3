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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

class QueueTapTests {

    private final DeliveryLog log = DeliveryLog.create();

    record Job(int id, String name) {
    }

    @Test
    void offerToAFullQueueIsRecordedAsDroppedOverflow() {
        // GIVEN a tapped queue with room for one message, already holding one
        QueueTap<String> queue = Taps.queue(new ArrayBlockingQueue<>(1), log, TapOptions.defaults().name("jobs"));
        assertThat(queue.offer("first")).isTrue();

        // WHEN a second offer is refused
        boolean accepted = queue.offer("second");

        // THEN it is recorded as sent and dropped for overflow, never enqueued
        assertThat(accepted).isFalse();
        List<DeliveryEvent> dropped = events(log, EventKind.DROPPED);
        assertThat(dropped).singleElement().satisfies(drop -> {
            assertThat(drop.cause()).isEqualTo(DropCause.OVERFLOW);
            assertThat(drop.detail()).isEqualTo("capacity 1, offer refused");
            assertThat(drop.queueDepth()).isEqualTo(1);
            assertThat(drop.sender()).isEqualTo(Thread.currentThread().getName());
            assertThat(drop.receiver()).isEqualTo("queue:jobs");
            assertThat(drop.sequence()).isEqualTo(2);
        });
        assertThat(log.snapshot().count(EventKind.SENT)).isEqualTo(2);
        assertThat(log.snapshot().count(EventKind.ENQUEUED)).isEqualTo(1);
    }

    @Test
    void addToAFullQueueIsRecordedAsDroppedOverflowAndThrows() {
        // GIVEN a full tapped queue
        QueueTap<String> queue = Taps.queue(new ArrayBlockingQueue<>(1), log);
        queue.add("first");

        // WHEN add is refused THEN the queue's exception reaches the caller and the drop is recorded
        assertThatThrownBy(() -> queue.add("second")).isInstanceOf(IllegalStateException.class);
        assertThat(events(log, EventKind.DROPPED)).singleElement()
                .satisfies(drop -> assertThat(drop.detail()).isEqualTo("capacity 1, add refused"));
    }

    @Test
    void aMessagePutTwiceIsDeliveredTwiceUnderOneMessageId() throws Exception {
        // GIVEN a tapped queue
        QueueTap<StringBuilder> queue = Taps.queue(new LinkedBlockingQueue<>(), log);
        StringBuilder message = new StringBuilder("retry me");

        // WHEN the same object is put twice and taken twice
        queue.put(message);
        queue.put(message);
        queue.take();
        queue.take();

        // THEN there is one SENT, two ENQUEUED (the second saying so) and two DELIVERED with the same id
        List<DeliveryEvent> delivered = events(log, EventKind.DELIVERED);
        assertThat(log.snapshot().count(EventKind.SENT)).isEqualTo(1);
        assertThat(delivered).hasSize(2);
        assertThat(delivered.get(0).messageId()).isEqualTo(delivered.get(1).messageId());
        assertThat(events(log, EventKind.ENQUEUED)).extracting(DeliveryEvent::detail)
                .containsExactly(null, "sent again with the key of message " + delivered.get(0).messageId());
    }

    @Test
    void differentObjectsWithTheSameKeyAreOneMessage() throws Exception {
        // GIVEN a queue tap keyed by job id
        QueueTap<Job> queue = Taps.queue(new LinkedBlockingQueue<>(), log,
                TapOptions.defaults().keyedBy(Job::id));

        // WHEN two distinct objects with id 7 pass through
        queue.put(new Job(7, "original"));
        queue.put(new Job(7, "redelivered"));
        queue.take();
        queue.take();

        // THEN both deliveries carry the same message id: a duplicate
        assertThat(events(log, EventKind.DELIVERED)).extracting(DeliveryEvent::messageId).containsExactly(1L, 1L);
    }

    @Test
    void drainToRecordsEveryDrainedMessageWithItsDepthLeft() throws Exception {
        // GIVEN three queued messages
        QueueTap<String> queue = Taps.queue(new ArrayBlockingQueue<>(4), log);
        queue.put("a");
        queue.put("b");
        queue.put("c");

        // WHEN they are drained
        List<String> drained = new ArrayList<>();
        int count = queue.drainTo(drained);

        // THEN each is delivered, in order, with the depth left as if taken one by one
        assertThat(count).isEqualTo(3);
        assertThat(drained).containsExactly("a", "b", "c");
        assertThat(events(log, EventKind.DELIVERED)).extracting(DeliveryEvent::messageId, DeliveryEvent::queueDepth)
                .containsExactly(tuple(1L, 2), tuple(2L, 1),
                        tuple(3L, 0));
    }

    @Test
    void aMessageThatBypassedTheTapIsDeliveredWithoutSender() throws Exception {
        // GIVEN a message put into the queue behind the tap's back
        QueueTap<String> queue = Taps.queue(new LinkedBlockingQueue<>(), log, TapOptions.defaults().name("jobs"));
        queue.unwrap().put("sneaked in");

        // WHEN it is taken through the tap
        queue.take();

        // THEN it is an unexpected delivery: no SENT, no sender, and a detail saying why
        assertThat(log.snapshot().count(EventKind.SENT)).isZero();
        assertThat(events(log, EventKind.DELIVERED)).singleElement().satisfies(delivery -> {
            assertThat(delivery.sender()).isNull();
            assertThat(delivery.detail()).isEqualTo("never sent to queue:jobs through a tap");
        });
    }

    @Test
    void handledIsRecordedOnlyWhenTheConsumerReportsIt() throws Exception {
        // GIVEN two delivered messages
        QueueTap<String> queue = Taps.queue(new LinkedBlockingQueue<>(), log);
        String ok = "ok";
        String failing = "failing";
        queue.put(ok);
        queue.put(failing);
        queue.take();
        queue.take();
        assertThat(log.snapshot().count(EventKind.HANDLED)).isZero();

        // WHEN the consumer reports one handled and one failed
        queue.handled(ok);
        queue.handled(failing, new IllegalArgumentException("bad job"));

        // THEN both are recorded under their message ids
        assertThat(events(log, EventKind.HANDLED)).extracting(DeliveryEvent::messageId, DeliveryEvent::outcome)
                .containsExactly(tuple(1L, Outcome.OK),
                        tuple(2L, Outcome.THREW));
        assertThat(events(log, EventKind.HANDLED).get(1).error()).hasMessage("bad job");
    }

    @Test
    void clearAndRemoveRecordDiscardedMessagesAsDroppedTerminated() throws Exception {
        // GIVEN three queued messages
        QueueTap<String> queue = Taps.queue(new ArrayBlockingQueue<>(4), log);
        queue.put("a");
        queue.put("b");
        queue.put("c");

        // WHEN one is removed by value and the rest cleared
        assertThat(queue.remove("b")).isTrue();
        queue.clear();

        // THEN all three are dropped with the call that discarded them
        assertThat(events(log, EventKind.DROPPED)).extracting(DeliveryEvent::messageId, DeliveryEvent::cause,
                DeliveryEvent::detail).containsExactly(
                tuple(2L, DropCause.TERMINATED, "removed by remove(Object)"),
                tuple(1L, DropCause.TERMINATED, "discarded by clear()"),
                tuple(3L, DropCause.TERMINATED, "discarded by clear()"));
        assertThat(log.snapshot().count(EventKind.DELIVERED)).isZero();
    }

    @Test
    void senderLabelsComeFromOptionsOrTheSenderHandle() throws Exception {
        // GIVEN a tap with a fixed sender and a view with another
        QueueTap<String> queue = Taps.queue(new LinkedBlockingQueue<>(), log, TapOptions.defaults().sender("gateway"));

        // WHEN each sends
        queue.put("from options");
        queue.as("producer-1").put("from handle");
        queue.as("producer-1").offer("again from handle");

        // THEN the sender labels and per-sender sequences follow
        assertThat(events(log, EventKind.SENT)).extracting(DeliveryEvent::sender, DeliveryEvent::sequence)
                .containsExactly(tuple("gateway", 1L),
                        tuple("producer-1", 1L),
                        tuple("producer-1", 2L));
    }

    @Test
    void unnamedTapsGetNumberedLabelsAndDescribeTheirQueue() throws Exception {
        // GIVEN two unnamed taps in one log
        QueueTap<String> first = Taps.queue(new ArrayBlockingQueue<>(4), log);
        QueueTap<String> second = Taps.queue(new ArrayBlockingQueue<>(4), log);

        // WHEN one holds a message
        first.put("waiting");

        // THEN labels are numbered and the live state reports counts and depth
        assertThat(first.label()).isEqualTo("queue:1");
        assertThat(second.label()).isEqualTo("queue:2");
        assertThat(log.liveStates()).filteredOn(state -> state.label().equals("queue:1")).singleElement()
                .satisfies(state -> {
                    assertThat(state.describe()).isEqualTo("queue:1: sent 1, enqueued 1, delivered 0, handled 0, "
                            + "dropped 0, mutated_in_flight 0; queue size 1, remaining capacity 3");
                    assertThat(state.isAlive()).isFalse();
                });
    }

    @Test
    void badLabelsAndNullKeysAreRejectedWithoutRecording() {
        // GIVEN a tap keyed by a name that may be null
        QueueTap<Job> queue = Taps.queue(new LinkedBlockingQueue<>(), log,
                TapOptions.defaults().name("jobs").keyedBy(Job::name));

        // WHEN bad input arrives THEN it is refused with a message naming what is wrong
        assertThatThrownBy(() -> queue.as(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sender must be a non-blank label, got \" \"");
        assertThatThrownBy(() -> queue.offer(new Job(1, null))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the key extractor of queue:jobs returned null for Job[id=1, name=null]");
        assertThatThrownBy(() -> queue.offer(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("null message offered to queue:jobs");
        assertThat(log.size()).isZero();
        assertThat(queue).isEmpty();
    }
}
