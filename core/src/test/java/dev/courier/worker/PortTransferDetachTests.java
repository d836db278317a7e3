package dev.courier.worker;

import static dev.courier.worker.Histories.awaitEvents;
import static dev.courier.worker.Histories.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.clone.DataCloneException;
import dev.courier.history.DeliveryEvent;
import dev.courier.history.EventKind;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** S9 for ports: a transfer detaches the sender's handle; the receiver gets a new handle on the same port. */
class PortTransferDetachTests {

    @AfterAll
    static void noWorkerThreadOutlivesTheClass() throws InterruptedException {
        WorkerThreads.assertNoneAlive();
    }

    @Test
    void postingThroughATransferredPortsOldHandleIsRefusedAndNothingIsRecorded() throws Exception {
        // GIVEN port2 of a channel transferred through a carrier channel
        try (MessageChannel carrier = new MessageChannel(); MessageChannel channel = new MessageChannel(carrier.log())) {
            MessagePort received = transfer(carrier, channel.port2());
            int before = carrier.log().events().size();
            // WHEN main posts through the old handle
            // THEN it is refused, naming the port, the transfer and what to use instead; nothing is recorded
            assertThatThrownBy(() -> channel.port2().postMessage("stale"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot post through it: port " + channel.port2().label() + " was transferred with message "
                            + carrierMessageId(carrier) + " to main, which detached this handle;"
                            + " use the handle the receiver got in event.ports()");
            assertThat(carrier.log().events()).hasSize(before);
            assertThat(channel.port2().isDetached()).isTrue();
            assertThat(channel.port2().isClosed()).isTrue();
            assertThat(received.isDetached()).isFalse();
            assertThat(received.isClosed()).isFalse();
        }
    }

    @Test
    void theReceiverGetsANewHandleOnTheSamePortWithWhatWasQueuedThere() throws Exception {
        // GIVEN a message queued at port2, which has no listener yet
        try (MessageChannel carrier = new MessageChannel(); MessageChannel channel = new MessageChannel(carrier.log())) {
            channel.port1().postMessage("queued before the transfer");
            awaitEvents(carrier.log(), e -> e.kind() == EventKind.ENQUEUED, 1);
            // WHEN port2 is transferred and the receiver listens on the handle it got
            MessagePort received = transfer(carrier, channel.port2());
            CompletableFuture<Object> first = new CompletableFuture<>();
            received.onMessage(m -> first.complete(m.data()));
            // THEN it is a new handle on the same port, and the queued message reaches its listener
            assertThat(received).isNotSameAs(channel.port2());
            assertThat(received.label()).isEqualTo(channel.port2().label());
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("queued before the transfer");
        }
    }

    @Test
    void theOldHandlesListenersAreGoneAndOnlyTheNewHandlesListenerIsCalled() throws Exception {
        // GIVEN port2 with a listener on its original handle
        try (MessageChannel carrier = new MessageChannel(); MessageChannel channel = new MessageChannel(carrier.log())) {
            List<Object> oldHandleSaw = new CopyOnWriteArrayList<>();
            channel.port2().onMessage(m -> oldHandleSaw.add(m.data()));
            // WHEN port2 is transferred, the receiver listens, and port1 sends
            MessagePort received = transfer(carrier, channel.port2());
            CompletableFuture<Object> newHandleSaw = new CompletableFuture<>();
            received.onMessage(m -> newHandleSaw.complete(m.data()));
            channel.port1().postMessage("after the transfer");
            // THEN only the new handle's listener gets it; the old listener was removed (and recorded so)
            assertThat(newHandleSaw.get(10, TimeUnit.SECONDS)).isEqualTo("after the transfer");
            awaitEvents(carrier.log(), e -> e.kind() == EventKind.HANDLED
                    && e.receiver().equals(channel.port2().label()), 1);
            assertThat(oldHandleSaw).isEmpty();
            assertThat(channel.port2().messageListenerCount()).isZero();
            assertThat(events(carrier.log(), e -> e.kind() == EventKind.LISTENER_REMOVED
                    && channel.port2().label().equals(e.receiver()))).hasSize(1);
        }
    }

    @Test
    void theOldHandleCannotListenStartOrBeTransferredAgain() throws Exception {
        // GIVEN a transferred port2
        try (MessageChannel carrier = new MessageChannel(); MessageChannel channel = new MessageChannel(carrier.log())) {
            transfer(carrier, channel.port2());
            MessagePort old = channel.port2();
            String transferred = "port " + old.label() + " was transferred with message " + carrierMessageId(carrier);
            // WHEN main listens on, starts or transfers the old handle THEN each is refused with the reason
            assertThatThrownBy(() -> old.onMessage(m -> { }))
                    .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("cannot listen on it: " + transferred);
            assertThatThrownBy(() -> old.onMessageError(m -> { }))
                    .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("cannot listen on it: " + transferred);
            assertThatThrownBy(old::start)
                    .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("cannot start it: " + transferred);
            assertThatThrownBy(() -> carrier.port1().postMessage(old, List.of(old)))
                    .isInstanceOf(DataCloneException.class)
                    .hasMessageContaining("port " + old.label() + " was already transferred with message "
                            + carrierMessageId(carrier) + " to main")
                    .hasMessageContaining("transfer the handle it got in event.ports()");
        }
    }

    @Test
    void closingTheOldHandleLeavesTheReceiversPortOpen() throws Exception {
        // GIVEN a transferred port2 whose receiver listens
        try (MessageChannel carrier = new MessageChannel(); MessageChannel channel = new MessageChannel(carrier.log())) {
            MessagePort received = transfer(carrier, channel.port2());
            CompletableFuture<Object> got = new CompletableFuture<>();
            received.onMessage(m -> got.complete(m.data()));
            // WHEN the old handle is closed and port1 sends
            channel.port2().close();
            channel.port1().postMessage("still open");
            // THEN the port the receiver owns still delivers
            assertThat(got.get(10, TimeUnit.SECONDS)).isEqualTo("still open");
            assertThat(received.isClosed()).isFalse();
        }
    }

    @Test
    void aPortTransferredIntoAWorkerDetachesMainsHandleWhileTheWorkerUsesItsOwn() throws Exception {
        // GIVEN a worker that answers on the port it is given
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> {
            MessagePort port = e.ports().get(0);
            port.onMessage(m -> port.postMessage("pong:" + m.data()));
        }), WorkerOptions.defaults().name("holder"));
        try (MessageChannel channel = new MessageChannel(worker.log())) {
            CompletableFuture<Object> answer = new CompletableFuture<>();
            channel.port1().onMessage(m -> answer.complete(m.data()));
            // WHEN port2 is transferred to the worker
            worker.postMessage(channel.port2(), List.of(channel.port2()));
            channel.port1().postMessage("ping");
            // THEN the worker answers through its handle, and main's old handle is refused
            assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("pong:ping");
            assertThatThrownBy(() -> channel.port2().postMessage("from main"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(" to " + worker.label() + ", which detached this handle");
            assertThat(events(worker.log(), e -> e.kind() == EventKind.SENT
                    && e.sender().equals(channel.port2().label()))).extracting(DeliveryEvent::receiver)
                    .containsOnly(channel.port1().label()).hasSize(1);
        } finally {
            worker.terminate().get(10, TimeUnit.SECONDS);
        }
    }

    /** Transfers {@code port} through {@code carrier}; answers the handle its receiver got, once it was HANDLED. */
    private static MessagePort transfer(MessageChannel carrier, MessagePort port) throws Exception {
        CompletableFuture<MessagePort> received = new CompletableFuture<>();
        carrier.port2().onMessage(e -> received.complete(e.ports().get(0)));
        carrier.port1().postMessage("take this port", List.of(port));
        awaitEvents(carrier.log(), e -> e.kind() == EventKind.HANDLED && e.receiver().equals(carrier.port2().label()), 1);
        return received.get(10, TimeUnit.SECONDS);
    }

    private static long carrierMessageId(MessageChannel carrier) {
        return events(carrier.log(), e -> e.kind() == EventKind.SENT
                && e.sender().equals(carrier.port1().label())).get(0).messageId();
    }
}
