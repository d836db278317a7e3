package dev.courier.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.clone.DataCloneException;
import dev.courier.history.DeliveryLog;
import dev.courier.junit.CourierTest;
import dev.courier.junit.DeliveryOptions;
import dev.courier.junit.ExpectDeliveryFaults;
import dev.courier.junit.PolicyChoice;
import dev.courier.junit.Workers;
import dev.courier.worker.MessageChannel;
import dev.courier.worker.MessagePort;
import dev.courier.worker.MessagePort.MessageEvent;
import dev.courier.worker.TransferableBuffer;
import dev.courier.worker.Worker;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The same scenario in real Node.js and in Courier's runtime must deliver and lose the same messages for the same
 * causes. Each test runs {@code node/diff/<scenario>.mjs} under the instrumentation, then the Java equivalent on
 * Courier's workers, and compares {@link Outcomes} of the two histories with each other and with the expected one.
 */
@CourierTest
@ExpectDeliveryFaults
// Node's ports buffer until a listener comes and are unbounded: the runtime compared with it must too, whatever
// courier.listener.policy or courier.capacity a run configures.
@DeliveryOptions(listenerPolicy = PolicyChoice.QUEUE_UNTIL_STARTED, capacity = 0)
class DifferentialTests {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private static RunResult node(String scenario) {
        NodeProgram program = NodeProgram.run(NodeProgram.resource("/node/diff/" + scenario + ".mjs"),
                NodeOptions.defaults().timeout(BOUND));
        return new RunResult(Outcomes.of(program.log()), program.stdout());
    }

    private record RunResult(List<String> outcome, String stdout) {
    }

    private static CompletableFuture<Integer> exitOf(Worker worker) {
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        worker.onExit(exit::complete);
        return exit;
    }

    @Test
    void fifoDeliversEveryMessageInBothRuntimes(Workers workers) throws Exception {
        // GIVEN 100 messages each way, the worker terminated after the last reply
        Worker worker = workers.start("fifo", ctx -> ctx.parentPort().onMessage(e ->
                ctx.parentPort().postMessage((Integer) e.data() * 2)));
        CompletableFuture<Integer> exit = exitOf(worker);
        AtomicInteger replies = new AtomicInteger();
        worker.onMessage(e -> {
            if (replies.incrementAndGet() == 100) {
                worker.terminate();
            }
        });

        // WHEN both runtimes run it
        for (int i = 0; i < 100; i++) {
            worker.postMessage(i);
        }
        exit.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        RunResult node = node("fifo");

        // THEN both delivered all 200, with no order inversion
        List<String> expected = List.of("fifo->main: ok 100, lost 0, pending 0", "main->fifo: ok 100, lost 0, pending 0");
        assertThat(node.outcome()).isEqualTo(expected);
        assertThat(Outcomes.of(workers.log())).isEqualTo(expected);
    }

    @Test
    void aLateListenerAtTheWorkerStillGetsWhatWasQueuedInBothRuntimes(Workers workers) throws Exception {
        // GIVEN a worker that listens 50 ms after it started, and three messages posted at once
        Worker worker = workers.start("late-worker", ctx -> ctx.setTimeout(() -> {
            AtomicInteger seen = new AtomicInteger();
            ctx.parentPort().onMessage(e -> {
                if (seen.incrementAndGet() == 3) {
                    ctx.parentPort().postMessage("all three");
                }
            });
        }, Duration.ofMillis(50)));
        CompletableFuture<Integer> exit = exitOf(worker);
        worker.onMessage(e -> worker.terminate());

        // WHEN
        for (int i = 0; i < 3; i++) {
            worker.postMessage(i);
        }
        exit.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        RunResult node = node("late-worker");

        // THEN the worker's port buffered them (S4): nothing lost
        List<String> expected = List.of("late-worker->main: ok 1, lost 0, pending 0",
                "main->late-worker: ok 3, lost 0, pending 0");
        assertThat(node.outcome()).isEqualTo(expected);
        assertThat(Outcomes.of(workers.log())).isEqualTo(expected);
    }

    @Test
    void aLateListenerAtMainLosesTheWorkersMessageInBothRuntimes(Workers workers) throws Exception {
        // GIVEN a worker that answers main's 'go' and ends, and a main side that listens only after the exit
        Worker worker = workers.start("late-main", ctx -> {
            MessagePort parent = ctx.parentPort();
            Consumer<MessageEvent> once = new Consumer<>() {
                @Override
                public void accept(MessageEvent e) {
                    parent.removeMessageListener(this);
                    parent.postMessage("hello");
                }
            };
            parent.onMessage(once);
        });
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        worker.onExit(code -> {
            worker.onMessage(e -> { });
            exit.complete(code);
        });

        // WHEN
        worker.postMessage("go");
        exit.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        RunResult node = node("late-main");

        // THEN main does not buffer (the Worker is an EventEmitter): the hello is lost for want of a listener
        List<String> expected = List.of("late-main->main: ok 0, lost 1 NO_LISTENER, pending 0",
                "main->late-main: ok 1, lost 0, pending 0");
        assertThat(node.outcome()).isEqualTo(expected);
        assertThat(Outcomes.of(workers.log())).isEqualTo(expected);
    }

    @Test
    void terminateDropsWhatIsQueuedInBothRuntimes(Workers workers) throws Exception {
        // GIVEN a worker stuck in its first message's listener, and five more messages then terminate()
        CountDownLatch never = new CountDownLatch(1);
        Worker worker = workers.start("terminate-queued", ctx -> ctx.parentPort().onMessage(e -> {
            ctx.parentPort().postMessage("busy");
            try {
                never.await();
            } catch (InterruptedException terminated) {
                Thread.currentThread().interrupt();
            }
        }));
        CompletableFuture<Integer> exit = exitOf(worker);
        worker.onMessage(e -> {
            for (int i = 0; i < 5; i++) {
                worker.postMessage(i);
            }
            worker.terminate();
        });

        // WHEN
        worker.postMessage("start");
        exit.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        RunResult node = node("terminate-queued");

        // THEN the five queued messages are dropped with cause TERMINATED
        List<String> expected = List.of("main->terminate-queued: ok 1, lost 5 TERMINATED, pending 0",
                "terminate-queued->main: ok 1, lost 0, pending 0");
        assertThat(node.outcome()).isEqualTo(expected);
        assertThat(Outcomes.of(workers.log())).isEqualTo(expected);
    }

    @Test
    void aCrashLosesTheQueuedMessagesInBothRuntimes(Workers workers) throws Exception {
        // GIVEN a worker that listens once all four jobs are posted and throws on the first
        CountDownLatch posted = new CountDownLatch(1);
        Worker worker = workers.start("crash", ctx -> {
            posted.await();
            ctx.parentPort().onMessage(e -> {
                if ("boom".equals(e.data())) {
                    throw new IllegalStateException("bad job boom");
                }
            });
        });
        CompletableFuture<Integer> exit = exitOf(worker);

        // WHEN
        List.of("boom", "a", "b", "c").forEach(worker::postMessage);
        posted.countDown();
        exit.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        RunResult node = node("crash");

        // THEN the three jobs behind the crash are lost with the worker
        List<String> expected = List.of("main->crash: ok 1, lost 3 WORKER_EXITED, pending 0");
        assertThat(node.outcome()).isEqualTo(expected);
        assertThat(node.stdout()).contains("worker error: bad job boom");
        assertThat(Outcomes.of(workers.log())).isEqualTo(expected);
    }

    @Test
    void postingToAnExitedWorkerIsRecordedAsPortClosedInBothRuntimes(Workers workers) throws Exception {
        // GIVEN a worker with nothing to do, and a main side that posts twice once it has exited
        CountDownLatch listening = new CountDownLatch(1);
        Worker worker = workers.start("post-after-exit", ctx -> listening.await());
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        worker.onExit(code -> {
            worker.postMessage("one");
            worker.postMessage("two");
            exit.complete(code);
        });
        listening.countDown();

        // WHEN
        exit.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        RunResult node = node("post-after-exit");

        // THEN Node ignores both silently; Courier records them as lost, PORT_CLOSED, in both histories
        List<String> expected = List.of("main->post-after-exit: ok 0, lost 2 PORT_CLOSED, pending 0");
        assertThat(node.outcome()).isEqualTo(expected);
        assertThat(Outcomes.of(workers.log())).isEqualTo(expected);
    }

    /** A payload with a cycle: {@code self} points back at it. */
    static final class Payload {
        Map<String, Integer> map = new LinkedHashMap<>(Map.of("a", 1));
        Set<Integer> set = new LinkedHashSet<>(List.of(1, 2));
        Date date = new Date(0);
        Payload self;
    }

    @Test
    void mapsSetsDatesAndCyclesSurviveTheCloneInBothRuntimes(Workers workers) throws Exception {
        // GIVEN a worker that describes what arrived
        Worker worker = workers.start("clone", ctx -> ctx.parentPort().onMessage(e -> {
            Payload p = (Payload) e.data();
            ctx.parentPort().postMessage((p.map instanceof LinkedHashMap && p.map.get("a") == 1) + ","
                    + (p.set instanceof LinkedHashSet && p.set.size() == 2) + "," + (p.date.getTime() == 0) + ","
                    + (p.self == p));
        }));
        CompletableFuture<Integer> exit = exitOf(worker);
        CompletableFuture<Object> reply = new CompletableFuture<>();
        worker.onMessage(e -> {
            reply.complete(e.data());
            worker.terminate();
        });
        Payload payload = new Payload();
        payload.self = payload;

        // WHEN
        worker.postMessage(payload);
        exit.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        RunResult node = node("clone");

        // THEN every kind arrived as itself, the cycle intact
        assertThat(node.stdout()).contains("RESULT true,true,true,true");
        assertThat(reply.get()).isEqualTo("true,true,true,true");
        List<String> expected = List.of("clone->main: ok 1, lost 0, pending 0", "main->clone: ok 1, lost 0, pending 0");
        assertThat(node.outcome()).isEqualTo(expected);
        assertThat(Outcomes.of(workers.log())).isEqualTo(expected);
    }

    @Test
    void aFunctionIsACloneErrorAndNothingIsSentInBothRuntimes(Workers workers) throws Exception {
        // GIVEN a worker, and a payload carrying a function
        Worker worker = workers.start("function", ctx -> { });
        Runnable callback = () -> { };

        // WHEN (the empty script may end before an exit listener is added: wait on terminate()'s own future)
        assertThatThrownBy(() -> worker.postMessage(Map.of("callback", callback)))
                .isInstanceOf(DataCloneException.class);
        worker.terminate().get(BOUND.toSeconds(), TimeUnit.SECONDS);
        RunResult node = node("function");

        // THEN postMessage threw (DataCloneError in Node), one clone failure recorded, nothing sent
        assertThat(node.stdout()).contains("RESULT DataCloneError");
        List<String> expected = List.of("clone failures main->function: 1");
        assertThat(node.outcome()).isEqualTo(expected);
        assertThat(Outcomes.of(workers.log())).isEqualTo(expected);
    }

    @Test
    void aTransferredBufferMovesInBothRuntimes(Workers workers) throws Exception {
        // GIVEN a worker that answers with the length of the buffer it received
        Worker worker = workers.start("buffer", ctx -> ctx.parentPort().onMessage(e ->
                ctx.parentPort().postMessage(((TransferableBuffer) e.data()).byteLength())));
        CompletableFuture<Integer> exit = exitOf(worker);
        CompletableFuture<Object> reply = new CompletableFuture<>();
        worker.onMessage(e -> {
            reply.complete(e.data());
            worker.terminate();
        });
        TransferableBuffer buffer = TransferableBuffer.allocate(8);

        // WHEN
        worker.postMessage(buffer, List.of(buffer));
        exit.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        RunResult node = node("buffer");

        // THEN the sender's buffer is detached and the worker got all 8 bytes
        assertThat(node.stdout()).contains("RESULT true,8");
        assertThat(buffer.isDetached() + "," + reply.get()).isEqualTo("true,8");
        List<String> expected = List.of("buffer->main: ok 1, lost 0, pending 0", "main->buffer: ok 1, lost 0, pending 0");
        assertThat(node.outcome()).isEqualTo(expected);
        assertThat(Outcomes.of(workers.log())).isEqualTo(expected);
    }

    @Test
    void aTransferredPortCarriesTheReplyInBothRuntimes(Workers workers) throws Exception {
        // GIVEN a worker that answers through the port it receives
        Worker worker = workers.start("port", ctx -> ctx.parentPort().onMessage(e -> {
            @SuppressWarnings("unchecked")
            MessagePort reply = ((Map<String, MessagePort>) e.data()).get("reply");
            reply.postMessage("via the port");
        }));
        CompletableFuture<Integer> exit = exitOf(worker);
        MessageChannel channel = workers.channel();
        CompletableFuture<Object> reply = new CompletableFuture<>();
        channel.port1().onMessage(e -> {
            reply.complete(e.data());
            channel.port1().close();
            worker.terminate();
        });

        // WHEN
        worker.postMessage(Map.of("reply", channel.port2()), List.of(channel.port2()));
        exit.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        RunResult node = node("port");

        // THEN the reply came through the moved port
        assertThat(node.stdout()).contains("RESULT via the port");
        assertThat(reply.get()).isEqualTo("via the port");
        List<String> expected = List.of("main->port: ok 1, lost 0, pending 0", "port2->port1: ok 1, lost 0, pending 0");
        assertThat(node.outcome()).isEqualTo(expected);
        assertThat(Outcomes.of(workers.log())).isEqualTo(expected);
    }

    @Test
    void theHistoryOfANodeRunIsTheTestsLogWhenGiven(DeliveryLog log) {
        // GIVEN the test's log
        // WHEN a Node program records into it
        NodeProgram.run(NodeProgram.resource("/node/diff/fifo.mjs"), NodeOptions.defaults().log(log).timeout(BOUND));

        // THEN its events are there
        assertThat(Outcomes.of(log)).contains("main->fifo: ok 100, lost 0, pending 0");
    }
}
