package dev.courier.worker;

import static dev.courier.worker.Histories.awaitDropped;
import static dev.courier.worker.Histories.awaitEvents;
import static dev.courier.worker.Histories.awaitKind;
import static dev.courier.worker.Histories.dropped;
import static dev.courier.worker.Histories.events;
import static dev.courier.worker.Histories.messageIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.sim.ManualClock;
import dev.courier.worker.MessagePort.MessageEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * S4. The late-listener race is made deterministic by gating the script's "async setup" (a timer that
 * registers the listener) on a manual clock: it cannot run until the test advances the clock.
 */
class ListenerPolicyTests {

    private static final Duration SETUP_DELAY = Duration.ofMillis(20);

    @AfterAll
    static void noWorkerThreadOutlivesTheClass() throws InterruptedException {
        WorkerThreads.assertNoneAlive();
    }

    // The script registers its message listener only in a timer callback ("async setup").
    // The latch tells the test the timer is armed, so advancing the clock will fire it.
    private static Worker startLate(ListenerPolicy policy, ManualClock clock, List<Object> received)
            throws InterruptedException {
        CountDownLatch armed = new CountDownLatch(1);
        Worker worker = Worker.start(ctx -> {
            ctx.setTimeout(() -> ctx.parentPort().onMessage(e -> received.add(e.data())), SETUP_DELAY);
            armed.countDown();
        }, WorkerOptions.defaults().name("late").listenerPolicy(policy).scheduler(clock));
        Histories.await(armed);
        return worker;
    }

    @Test
    void messagesPostedBeforeTheListenerIsAttachedAreQueuedUntilItIs() throws Exception {
        // GIVEN a worker that attaches its listener late, under the default QUEUE_UNTIL_STARTED
        ManualClock clock = new ManualClock();
        List<Object> received = Collections.synchronizedList(new ArrayList<>());
        Worker worker = startLate(ListenerPolicy.QUEUE_UNTIL_STARTED, clock, received);
        // WHEN main posts before the listener exists, then the setup completes
        worker.postMessage("early-1");
        worker.postMessage("early-2");
        clock.advance(SETUP_DELAY);
        // THEN both are delivered, in order, nothing dropped
        awaitKind(worker.log(), EventKind.HANDLED, 2);
        assertThat(received).containsExactly("early-1", "early-2");
        assertThat(events(worker.log(), EventKind.DROPPED)).isEmpty();
        worker.terminate().get(10, TimeUnit.SECONDS);
    }

    @RepeatedTest(50)
    void lateListenerUnderDropWhenNoListenerLosesExactlyTheEarlyMessages() throws Exception {
        // GIVEN a worker that attaches its listener late, under DROP_WHEN_NO_LISTENER
        ManualClock clock = new ManualClock();
        List<Object> received = Collections.synchronizedList(new ArrayList<>());
        Worker worker = startLate(ListenerPolicy.DROP_WHEN_NO_LISTENER, clock, received);
        DeliveryLog log = worker.log();
        // WHEN three messages arrive before the setup completes and two after it
        for (int i = 1; i <= 3; i++) {
            worker.postMessage("early-" + i);
        }
        awaitDropped(log, DropCause.NO_LISTENER, 3);
        clock.advance(SETUP_DELAY);
        awaitEvents(log, e -> e.kind() == EventKind.LISTENER_ADDED && e.receiver().equals(worker.label()), 1);
        worker.postMessage("late-1");
        worker.postMessage("late-2");
        awaitKind(log, EventKind.HANDLED, 2);
        // THEN exactly the early ones are dropped with NO_LISTENER, and the late ones handled
        List<DeliveryEvent> sent = events(log, EventKind.SENT);
        assertThat(messageIds(events(log, dropped(DropCause.NO_LISTENER))))
                .containsExactlyElementsOf(messageIds(sent.subList(0, 3)));
        assertThat(messageIds(events(log, EventKind.HANDLED))).containsExactlyElementsOf(messageIds(sent.subList(3, 5)));
        assertThat(received).containsExactly("late-1", "late-2");
        worker.terminate().get(10, TimeUnit.SECONDS);
    }

    @Test
    void startWithoutAListenerDispatchesAndRecordsTheMessagesAsDropped() throws Exception {
        // GIVEN a channel under QUEUE_UNTIL_STARTED with messages waiting at port2
        try (MessageChannel channel = new MessageChannel()) {
            channel.port1().postMessage("one");
            channel.port1().postMessage("two");
            assertThat(channel.port2().queueDepth()).isEqualTo(2);
            // WHEN port2 is started with no listener
            channel.port2().start();
            // THEN both are dispatched to nobody: recorded as NO_LISTENER, never silent
            awaitDropped(channel.log(), DropCause.NO_LISTENER, 2);
            assertThat(channel.port2().queueDepth()).isZero();
        }
    }

    @Test
    void listenerAddAndRemoveAreRecordedWithCounts() throws Exception {
        // GIVEN a channel port
        try (MessageChannel channel = new MessageChannel()) {
            MessagePort port = channel.port2();
            Consumer<MessageEvent> first = e -> { };
            Consumer<MessageEvent> second = e -> { };
            // WHEN two listeners are added and one removed
            port.onMessage(first).onMessage(second);
            assertThat(port.removeMessageListener(first)).isTrue();
            // THEN the counts are recorded about the port
            List<DeliveryEvent> changes = events(channel.log(),
                    e -> e.kind() == EventKind.LISTENER_ADDED || e.kind() == EventKind.LISTENER_REMOVED);
            assertThat(changes).extracting(DeliveryEvent::receiver).containsOnly(port.label());
            assertThat(changes).extracting(DeliveryEvent::detail).containsOnly("message");
            assertThat(changes).extracting(DeliveryEvent::listenerCount).containsExactly(1, 2, 1);
        }
    }
}
