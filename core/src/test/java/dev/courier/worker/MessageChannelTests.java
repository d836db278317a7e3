package dev.courier.worker;

import static dev.courier.worker.Histories.awaitDropped;
import static dev.courier.worker.Histories.awaitKind;
import static dev.courier.worker.Histories.dropped;
import static dev.courier.worker.Histories.events;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.history.Outcome;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Channels whose ports no worker owns; closing (S8). */
class MessageChannelTests {

    @AfterAll
    static void noWorkerThreadOutlivesTheClass() throws InterruptedException {
        WorkerThreads.assertNoneAlive();
    }

    @Test
    void channelNamesAreUniquePerLogAndLabelThePorts() {
        // GIVEN one log WHEN two channels record into it THEN they are channel-1 and channel-2
        DeliveryLog log = DeliveryLog.create();
        try (MessageChannel first = new MessageChannel(log); MessageChannel second = new MessageChannel(log)) {
            assertThat(first.name()).isEqualTo("channel-1");
            assertThat(second.port2().label()).isEqualTo("channel-2.port2");
            assertThat(first.port1().label()).isEqualTo("channel-1.port1");
        }
    }

    @Test
    void aPortNoWorkerOwnsDeliversInOrderOnItsChannelDispatcher() throws Exception {
        // GIVEN a channel with a listener on port2
        try (MessageChannel channel = new MessageChannel()) {
            List<String> seen = new CopyOnWriteArrayList<>();
            channel.port2().onMessage(e -> seen.add(Thread.currentThread().getName() + ":" + e.data()));
            // WHEN port1 posts three messages
            for (int i = 1; i <= 3; i++) {
                channel.port1().postMessage(i);
            }
            // THEN they arrive in order on courier-channel-<name>
            awaitKind(channel.log(), EventKind.HANDLED, 3);
            String thread = "courier-channel-" + channel.name();
            assertThat(seen).containsExactly(thread + ":1", thread + ":2", thread + ":3");
            assertThat(events(channel.log(), EventKind.SENT)).extracting(DeliveryEvent::sender)
                    .containsOnly(channel.port1().label());
        }
    }

    @Test
    void postingToAClosedPortIsRecordedAsDroppedAndNeverThrows() throws Exception {
        // GIVEN a closed channel
        MessageChannel channel = new MessageChannel();
        channel.port2().onMessage(e -> { });
        channel.close();
        // WHEN either end posts
        channel.port1().postMessage("to a closed port");
        channel.port2().postMessage("from a closed port");
        // THEN both are SENT and DROPPED with PORT_CLOSED
        assertThat(channel.port1().isClosed()).isTrue();
        assertThat(channel.port2().isClosed()).isTrue();
        assertThat(events(channel.log(), EventKind.SENT)).hasSize(2);
        assertThat(events(channel.log(), dropped(DropCause.PORT_CLOSED))).hasSize(2);
    }

    @Test
    void closingDropsWhatIsStillQueuedAsPortClosed() throws Exception {
        // GIVEN messages waiting at an unstarted port
        MessageChannel channel = new MessageChannel();
        channel.port1().postMessage("a");
        channel.port1().postMessage("b");
        // WHEN the channel is closed
        channel.close();
        // THEN both are recorded as dropped, never left in limbo
        awaitDropped(channel.log(), DropCause.PORT_CLOSED, 2);
        assertThat(channel.port2().queueDepth()).isZero();
    }

    @Test
    void aPortsListenerThatThrowsOnADispatcherIsRecordedAndTheNextMessageStillArrives() throws Exception {
        // GIVEN a listener that throws on "bad"
        try (MessageChannel channel = new MessageChannel()) {
            CompletableFuture<Object> good = new CompletableFuture<>();
            channel.port2().onMessage(e -> {
                if ("bad".equals(e.data())) {
                    throw new IllegalStateException("bad message");
                }
                good.complete(e.data());
            });
            // WHEN "bad" then "good" arrive
            channel.port1().postMessage("bad");
            channel.port1().postMessage("good");
            // THEN the throw is recorded and "good" is still delivered
            assertThat(good.get(10, TimeUnit.SECONDS)).isEqualTo("good");
            awaitKind(channel.log(), EventKind.HANDLED, 2);
            assertThat(events(channel.log(), EventKind.HANDLED)).extracting(DeliveryEvent::outcome)
                    .containsExactly(Outcome.THREW, Outcome.OK);
        }
    }
}
