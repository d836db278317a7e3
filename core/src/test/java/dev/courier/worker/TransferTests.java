package dev.courier.worker;

import static dev.courier.worker.Histories.awaitEvents;
import static dev.courier.worker.Histories.awaitKind;
import static dev.courier.worker.Histories.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.clone.DataCloneException;
import dev.courier.history.DeliveryEvent;
import dev.courier.history.EventKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** S9: transfer moves without copying, all-or-nothing, with clear refusals. */
class TransferTests {

    @AfterAll
    static void noWorkerThreadOutlivesTheClass() throws InterruptedException {
        WorkerThreads.assertNoneAlive();
    }

    @Test
    void transferDetachesTheSendersBufferAndTheReceiverSeesTheSameBytes() throws Exception {
        // GIVEN a buffer over known bytes and a worker that keeps what it receives
        byte[] bytes = {1, 2, 3, 4};
        TransferableBuffer buffer = TransferableBuffer.wrap(bytes);
        CompletableFuture<TransferableBuffer> received = new CompletableFuture<>();
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> received.complete(e.data(TransferableBuffer.class))));
        // WHEN main transfers it
        worker.postMessage(buffer, List.of(buffer));
        // THEN the receiver's handle is over the very same memory, and the sender's handle is detached
        TransferableBuffer arrived = received.get(10, TimeUnit.SECONDS);
        assertThat(arrived).isNotSameAs(buffer);
        assertThat(arrived.array()).isSameAs(bytes);
        assertThat(arrived.get(2)).isEqualTo((byte) 3);
        long messageId = events(worker.log(), EventKind.SENT).get(0).messageId();
        assertThat(buffer.isDetached()).isTrue();
        assertThatThrownBy(() -> buffer.get(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("buffer was detached by a transfer at message " + messageId);
        worker.terminate().get(10, TimeUnit.SECONDS);
    }

    @Test
    void transferIsAllOrNothingWhenThePayloadAlsoHoldsANonCloneableValue() throws Exception {
        // GIVEN a payload with a transferred buffer and a lambda
        TransferableBuffer buffer = TransferableBuffer.allocate(8);
        Runnable callback = () -> { };
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> { }));
        // WHEN main posts it THEN the clone fails, nothing is sent and the buffer stays attached
        assertThatThrownBy(() -> worker.postMessage(List.of(buffer, callback), List.of(buffer)))
                .isInstanceOf(DataCloneException.class);
        assertThat(buffer.isDetached()).isFalse();
        assertThat(buffer.byteLength()).isEqualTo(8);
        assertThat(events(worker.log(), EventKind.SENT)).isEmpty();
        assertThat(events(worker.log(), EventKind.CLONE_FAILED)).singleElement().satisfies(failure -> {
            assertThat(failure.detail()).startsWith("path $[1]: ");
            assertThat(failure.error()).isInstanceOf(DataCloneException.class);
        });
        worker.terminate().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aPortListedInItsOwnTransferListIsRefused() {
        // GIVEN a channel
        try (MessageChannel channel = new MessageChannel()) {
            MessagePort port = channel.port1();
            // WHEN port1 is posted through itself THEN a DataCloneException explains it, and it is recorded
            assertThatThrownBy(() -> port.postMessage(port, List.of(port))).isInstanceOf(DataCloneException.class)
                    .hasMessageContaining("port " + port.label() + " is listed in its own transfer list");
            assertThat(events(channel.log(), EventKind.CLONE_FAILED)).singleElement()
                    .satisfies(failure -> assertThat(failure.detail()).isEqualTo("path transferList[0]: "
                            + MessagePort.class.getName() + ": port " + port.label() + " is listed in its own transfer list"));
            assertThat(events(channel.log(), EventKind.SENT)).isEmpty();
        }
    }

    @Test
    void aDetachedBufferCannotBeTransferredAgain() throws Exception {
        // GIVEN a buffer already transferred once
        TransferableBuffer buffer = TransferableBuffer.allocate(4);
        try (MessageChannel channel = new MessageChannel()) {
            channel.port1().postMessage(buffer, List.of(buffer));
            long firstId = events(channel.log(), EventKind.SENT).get(0).messageId();
            // WHEN it is listed again THEN the refusal names the message that took it
            assertThatThrownBy(() -> channel.port1().postMessage("again", List.of(buffer)))
                    .isInstanceOf(DataCloneException.class)
                    .hasMessageContaining("buffer was already detached by a transfer at message " + firstId);
            assertThat(events(channel.log(), EventKind.CLONE_FAILED)).hasSize(1);
        }
    }

    @Test
    void aValueListedTwiceIsRefused() {
        // GIVEN a buffer
        TransferableBuffer buffer = TransferableBuffer.allocate(4);
        try (MessageChannel channel = new MessageChannel()) {
            // WHEN it is listed twice THEN the refusal says so and the buffer stays attached
            assertThatThrownBy(() -> channel.port1().postMessage(buffer, List.of(buffer, buffer)))
                    .isInstanceOf(DataCloneException.class).hasMessageContaining("transferList[1]")
                    .hasMessageContaining("listed twice in the transfer list");
            assertThat(buffer.isDetached()).isFalse();
        }
    }

    @Test
    void aPortFoundInThePayloadButNotListedIsRefused() {
        // GIVEN two channels
        try (MessageChannel channel = new MessageChannel(); MessageChannel other = new MessageChannel(channel.log())) {
            // WHEN a port rides in the payload without being listed THEN the codec refuses it
            assertThatThrownBy(() -> channel.port1().postMessage(List.of(other.port2())))
                    .isInstanceOf(DataCloneException.class).hasMessageContaining("transfer list");
            assertThat(events(channel.log(), EventKind.CLONE_FAILED)).hasSize(1);
            assertThat(other.name()).isEqualTo("channel-2");
        }
    }

    @Test
    void aPortTransferredIntoAWorkerIsUsedThereOnTheWorkersThread() throws Exception {
        // GIVEN a channel, and a worker that answers on whatever port it is given
        Map<String, String> threads = new ConcurrentHashMap<>();
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> {
            MessagePort port = e.ports().get(0);
            port.onMessage(m -> {
                threads.put("worker listener", Thread.currentThread().getName());
                port.postMessage("pong:" + m.data());
            });
        }), WorkerOptions.defaults().name("porter"));
        MessageChannel channel = new MessageChannel(worker.log());
        CompletableFuture<Object> answer = new CompletableFuture<>();
        channel.port1().onMessage(m -> {
            threads.put("channel listener", Thread.currentThread().getName());
            answer.complete(m.data());
        });
        // WHEN port2 is transferred to the worker and main pings through port1
        worker.postMessage(channel.port2(), List.of(channel.port2()));
        channel.port1().postMessage("ping");
        // THEN the worker answers through the port; its listener ran on the worker's thread
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("pong:ping");
        // the pong can overtake the worker's record of HANDLED at port2
        awaitEvents(worker.log(), e -> e.kind() == EventKind.HANDLED && e.receiver().equals(channel.port2().label()), 1);
        assertThat(threads).containsEntry("worker listener", "courier-worker-porter-" + worker.threadId())
                .containsEntry("channel listener", "courier-channel-" + channel.name());
        // The answer can arrive before the worker's listener has returned: wait (bounded) for its HANDLED fact.
        assertThat(worker.log().await(s -> s.events().stream().anyMatch(e -> e.kind() == EventKind.HANDLED
                && e.receiver().equals(channel.port2().label())), Duration.ofSeconds(10))).isTrue();
        List<DeliveryEvent> pings = events(worker.log(), e -> e.kind() == EventKind.HANDLED
                && e.receiver().equals(channel.port2().label()));
        assertThat(pings).singleElement().satisfies(h -> assertThat(h.sender()).isEqualTo(channel.port1().label()));
        // and when the worker ends, the port it owned is closed
        worker.terminate().get(10, TimeUnit.SECONDS);
        assertThat(channel.port1().isClosed()).isTrue();
        channel.port1().postMessage("after exit");
        awaitKind(worker.log(), EventKind.DROPPED, 1);
    }
}
