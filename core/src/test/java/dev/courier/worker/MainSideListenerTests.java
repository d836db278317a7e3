package dev.courier.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.history.LostMessage;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** S4 on the main side: as in Node's Worker (an EventEmitter), main does not buffer once it has set up. */
class MainSideListenerTests {

    @Test
    void aReplyArrivingWhileMainHasNoListenerIsDroppedAsNoListener() throws Exception {
        // GIVEN a worker that answers, and a main side that posts without listening
        DeliveryLog log = DeliveryLog.create();
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> ctx.parentPort().postMessage("pong")),
                WorkerOptions.defaults().name("echo").log(log));

        // WHEN
        worker.postMessage("ping");
        boolean dropped = log.await(s -> s.events().stream().anyMatch(e -> e.kind() == EventKind.DROPPED),
                Duration.ofSeconds(10));
        worker.terminate().get(10, TimeUnit.SECONDS);

        // THEN the reply is lost at main for want of a listener, and the diagnosis says main does not buffer
        assertThat(dropped).isTrue();
        assertThat(Checks.delivery(log).lost()).extracting(LostMessage::receiver, LostMessage::cause)
                .containsExactly(Tuple.tuple("main", DropCause.NO_LISTENER));
        assertThat(Checks.delivery(log).anomalies().get(0).explanation())
                .isEqualTo("1 message to `main` was dropped (NO_LISTENER) because it never registered a message "
                        + "listener; the main side of a worker does not buffer (Node's Worker is an EventEmitter)");
    }

    @Test
    void aListenerRegisteredRightAfterStartIsNeverLateEvenWhenTheWorkerPostsAtOnce() throws Exception {
        // GIVEN workers that post from the first line of their script, many times over
        for (int run = 0; run < 300; run++) {
            DeliveryLog log = DeliveryLog.create();
            Worker worker = Worker.start(ctx -> {
                ctx.parentPort().postMessage("ready");
                ctx.parentPort().onMessage(e -> { });
            }, WorkerOptions.defaults().name("eager").log(log));
            CompletableFuture<Object> ready = new CompletableFuture<>();

            // WHEN main listens right after start
            worker.onMessage(e -> ready.complete(e.data()));

            // THEN the message is delivered every time: nothing lost
            assertThat(ready.get(10, TimeUnit.SECONDS)).isEqualTo("ready");
            worker.terminate().get(10, TimeUnit.SECONDS);
            assertThat(Checks.delivery(log).lost()).isEmpty();
        }
    }

    @Test
    void messagesHeldDuringSetupReachAListenerAddedBeforeMainFirstPosts() throws Exception {
        // GIVEN a worker that posts and waits, and a main side that has not listened yet
        DeliveryLog log = DeliveryLog.create();
        CountDownLatch sent = new CountDownLatch(1);
        Worker worker = Worker.start(ctx -> {
            ctx.parentPort().postMessage("early");
            sent.countDown();
            ctx.parentPort().onMessage(e -> { });
        }, WorkerOptions.defaults().name("early").log(log));
        assertThat(sent.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Object> got = new CompletableFuture<>();

        // WHEN main listens later, but before its first post
        worker.onMessage(e -> got.complete(e.data()));

        // THEN the held message is delivered
        assertThat(got.get(10, TimeUnit.SECONDS)).isEqualTo("early");
        worker.terminate().get(10, TimeUnit.SECONDS);
        assertThat(Checks.delivery(log).lost()).isEmpty();
    }
}
