package dev.courier.worker;

import static dev.courier.worker.Histories.awaitKind;
import static dev.courier.worker.Histories.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.clone.DataCloneException;
import dev.courier.clone.MessageCodec;
import dev.courier.clone.TransferContext;
import dev.courier.history.DeliveryEvent;
import dev.courier.history.EventKind;
import dev.courier.history.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** S2 clone at send, S3 decode at receive, payload retention. */
class CodecSeamTests {

    // Passes payloads through; decoding the string "poison" fails.
    private static final MessageCodec POISONABLE = new MessageCodec() {
        @Override
        public String name() {
            return "poisonable";
        }

        @Override
        public Object encode(Object payload, TransferContext transfers) {
            return payload;
        }

        @Override
        public Object decode(Object wire) {
            if ("poison".equals(wire)) {
                throw new IllegalArgumentException("cannot decode poison");
            }
            return wire;
        }
    };

    @AfterAll
    static void noWorkerThreadOutlivesTheClass() throws InterruptedException {
        WorkerThreads.assertNoneAlive();
    }

    @Test
    void aPayloadThatCannotBeClonedFailsAtTheCallerAndIsRecordedWithItsPath() throws Exception {
        // GIVEN a listening worker
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> { }));
        Runnable callback = () -> { };
        // WHEN main posts a payload holding a lambda
        // THEN postMessage throws, CLONE_FAILED names the path, and nothing is sent or enqueued
        assertThatThrownBy(() -> worker.postMessage(List.of("ok", callback))).isInstanceOf(DataCloneException.class);
        DeliveryEvent failure = events(worker.log(), EventKind.CLONE_FAILED).get(0);
        assertThat(failure.detail()).startsWith("path $[1]: " + callback.getClass().getName() + ": ");
        assertThat(failure.sender()).isEqualTo("main");
        assertThat(failure.receiver()).isEqualTo(worker.label());
        assertThat(failure.error()).isInstanceOf(DataCloneException.class);
        assertThat(events(worker.log(), EventKind.SENT)).isEmpty();
        assertThat(events(worker.log(), EventKind.ENQUEUED)).isEmpty();
        worker.terminate().get(10, TimeUnit.SECONDS);
    }

    @Test
    void cloneFailedDetailCarriesTheBareProblemWithoutTheHint() {
        // GIVEN a channel and a payload holding a lambda
        Runnable callback = () -> { };
        try (MessageChannel channel = new MessageChannel()) {
            // WHEN port1 posts it
            assertThatThrownBy(() -> channel.port1().postMessage(List.of("ok", callback)))
                    .isInstanceOf(DataCloneException.class);
            // THEN the detail is exactly path, class and problem, taken from the exception's own fields
            DeliveryEvent failure = events(channel.log(), EventKind.CLONE_FAILED).get(0);
            assertThat(failure.detail()).isEqualTo("path $[1]: " + callback.getClass().getName()
                    + ": a lambda or method reference is a function, and functions cannot be cloned");
            assertThat(((DataCloneException) failure.error()).problem()).isEqualTo(
                    "a lambda or method reference is a function, and functions cannot be cloned");
        }
    }

    @Test
    void aDecodeFailureWithNoMessageErrorListenerIsRecordedAsUnhandled() throws Exception {
        // GIVEN a worker with only a message listener
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> { }),
                WorkerOptions.defaults().codec(POISONABLE));
        // WHEN a message fails to decode
        worker.postMessage("poison");
        // THEN it is MESSAGE_ERROR UNHANDLED (recorded before its DELIVERED), never silent, and the worker lives on
        awaitKind(worker.log(), EventKind.DELIVERED, 1);
        DeliveryEvent error = events(worker.log(), EventKind.MESSAGE_ERROR).get(0);
        assertThat(error.outcome()).isEqualTo(Outcome.UNHANDLED);
        assertThat(error.error()).hasMessage("cannot decode poison");
        assertThat(events(worker.log(), e -> e.messageId() == error.messageId())).extracting(DeliveryEvent::kind)
                .containsExactly(EventKind.SENT, EventKind.ENQUEUED, EventKind.MESSAGE_ERROR, EventKind.DELIVERED);
        assertThat(worker.isAlive()).isTrue();
        worker.terminate().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aDecodeFailureReachesMessageErrorListenersOnTheWorkerThread() throws Exception {
        // GIVEN a worker with a messageerror listener
        CompletableFuture<String> seen = new CompletableFuture<>();
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> { })
                        .onMessageError(e -> seen.complete(Thread.currentThread().getName() + ":" + e.error().getMessage())),
                WorkerOptions.defaults().name("decoder").codec(POISONABLE));
        // WHEN a message fails to decode
        worker.postMessage("poison");
        // THEN the listener gets it on the worker thread and it is recorded as HANDLED
        assertThat(seen.get(10, TimeUnit.SECONDS))
                .isEqualTo("courier-worker-decoder-" + worker.threadId() + ":cannot decode poison");
        awaitKind(worker.log(), EventKind.MESSAGE_ERROR, 1);
        assertThat(events(worker.log(), EventKind.MESSAGE_ERROR).get(0).outcome()).isEqualTo(Outcome.HANDLED);
        worker.terminate().get(10, TimeUnit.SECONDS);
    }

    @Test
    void retainedPayloadsAreAttachedToSentAndDeliveredEvents() throws Exception {
        // GIVEN a worker that retains payloads
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> { }),
                WorkerOptions.defaults().retainPayloads(true));
        List<String> payload = new ArrayList<>(List.of("a", "b"));
        // WHEN a list is posted
        worker.postMessage(payload);
        awaitKind(worker.log(), EventKind.HANDLED, 1);
        // THEN SENT holds the sender's object, DELIVERED the receiver's clone
        assertThat(events(worker.log(), EventKind.SENT).get(0).payload()).isSameAs(payload);
        assertThat(events(worker.log(), EventKind.DELIVERED).get(0).payload()).isEqualTo(payload).isNotSameAs(payload);
        worker.terminate().get(10, TimeUnit.SECONDS);
    }

    @Test
    void workerDataThatCannotBeClonedFailsTheStart() {
        // GIVEN / WHEN worker data holding a lambda THEN start throws and no worker runs
        Runnable callback = () -> { };
        assertThatThrownBy(() -> Worker.start(ctx -> { }, WorkerOptions.defaults().workerData(List.of(callback))))
                .isInstanceOf(DataCloneException.class);
    }
}
