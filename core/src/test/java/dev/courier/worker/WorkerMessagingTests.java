package dev.courier.worker;

import static dev.courier.worker.Histories.BOUND;
import static dev.courier.worker.Histories.awaitKind;
import static dev.courier.worker.Histories.events;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import dev.courier.history.LiveState;
import dev.courier.history.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class WorkerMessagingTests {

    @AfterAll
    static void noWorkerThreadOutlivesTheClass() throws InterruptedException {
        WorkerThreads.assertNoneAlive();
    }

    @Test
    void echoRoundTripIsRecordedWithLabelsSequencesAndIds() throws Exception {
        // GIVEN an echo worker
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> ctx.parentPort().postMessage(e.data())),
                WorkerOptions.defaults().name("echo"));
        List<Object> replies = Collections.synchronizedList(new ArrayList<>());
        worker.onMessage(e -> replies.add(e.data()));
        // WHEN main posts three messages
        worker.postMessage("a");
        worker.postMessage("b");
        worker.postMessage("c");
        // THEN they come back in order, and each step of each message is recorded
        DeliveryLog log = worker.log();
        awaitKind(log, EventKind.HANDLED, 6);
        assertThat(replies).containsExactly("a", "b", "c");
        assertThat(worker.label()).isEqualTo("echo#" + worker.threadId());
        List<DeliveryEvent> sent = events(log, e -> e.kind() == EventKind.SENT && e.sender().equals("main"));
        assertThat(sent).extracting(DeliveryEvent::receiver).containsOnly(worker.label());
        assertThat(sent).extracting(DeliveryEvent::sequence).containsExactly(1L, 2L, 3L);
        long first = sent.get(0).messageId();
        assertThat(events(log, e -> e.messageId() == first)).extracting(DeliveryEvent::kind)
                .containsExactly(EventKind.SENT, EventKind.ENQUEUED, EventKind.DELIVERED, EventKind.HANDLED);
        List<DeliveryEvent> replySent = events(log, e -> e.kind() == EventKind.SENT && e.sender().equals(worker.label()));
        assertThat(replySent).extracting(DeliveryEvent::receiver).containsOnly("main");
        assertThat(replySent).extracting(DeliveryEvent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(worker.terminate().get(10, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void eventTimesAreMonotonicInIndexOrder() throws Exception {
        // GIVEN an echo worker that handled some messages
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> ctx.parentPort().postMessage(e.data())));
        worker.onMessage(e -> { });
        for (int i = 0; i < 20; i++) {
            worker.postMessage(i);
        }
        awaitKind(worker.log(), EventKind.HANDLED, 40);
        worker.terminate().get(10, TimeUnit.SECONDS);
        // THEN times never go back
        List<DeliveryEvent> all = worker.log().events();
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).timeNanos()).isGreaterThanOrEqualTo(all.get(i - 1).timeNanos());
        }
    }

    @Test
    void everyWorkerSideEventRunsOnTheWorkerThreadAndMainSideEventsOnTheParentDispatcher() throws Exception {
        // GIVEN a worker that notes the thread of its script, listener, timer and immediate
        Map<String, String> threads = new ConcurrentHashMap<>();
        CountDownLatch exited = new CountDownLatch(1);
        Worker worker = Worker.start(ctx -> {
            threads.put("script", Thread.currentThread().getName());
            ctx.setImmediate(() -> threads.put("immediate", Thread.currentThread().getName()));
            ctx.setTimeout(() -> threads.put("timer", Thread.currentThread().getName()), Duration.ZERO);
            ctx.parentPort().onMessage(e -> {
                threads.put("listener", Thread.currentThread().getName());
                ctx.parentPort().postMessage("done");
            });
        }, WorkerOptions.defaults().name("threads"));
        worker.onOnline(() -> threads.put("online", Thread.currentThread().getName()));
        worker.onMessage(e -> threads.put("main listener", Thread.currentThread().getName()));
        worker.onExit(code -> {
            threads.put("exit", Thread.currentThread().getName());
            exited.countDown();
        });
        // WHEN it receives a message, answers, and is terminated
        worker.postMessage("go");
        awaitKind(worker.log(), EventKind.HANDLED, 2);
        // (the zero-delay timer and the immediate may run after the message: wait for them before terminating)
        Awaitility.await().atMost(Histories.BOUND).until(() -> threads.containsKey("timer")
                && threads.containsKey("immediate"));
        worker.terminate();
        Histories.await(exited);
        // THEN worker-side events ran on courier-worker-<name>-<id>, main-side ones on its -parent dispatcher
        String workerThread = "courier-worker-threads-" + worker.threadId();
        assertThat(threads).containsEntry("script", workerThread).containsEntry("immediate", workerThread)
                .containsEntry("timer", workerThread).containsEntry("listener", workerThread)
                .containsEntry("main listener", workerThread + "-parent").containsEntry("exit", workerThread + "-parent");
        assertThat(threads.get("online")).isIn(null, workerThread + "-parent");
    }

    @Test
    void nullIsALegalPayload() throws Exception {
        // GIVEN a worker that reports whether it received null
        List<Object> received = Collections.synchronizedList(new ArrayList<>());
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> received.add(e.data() == null ? "null" : e.data())));
        // WHEN main posts null
        worker.postMessage(null);
        // THEN it arrives as null and is handled normally
        awaitKind(worker.log(), EventKind.HANDLED, 1);
        assertThat(received).containsExactly("null");
        worker.terminate().get(10, TimeUnit.SECONDS);
    }

    @Test
    void workerDataIsClonedIntoTheWorker() throws Exception {
        // GIVEN mutable worker data
        List<String> data = new ArrayList<>(List.of("x", "y"));
        List<Object> seen = Collections.synchronizedList(new ArrayList<>());
        // WHEN a worker starts with it
        Worker worker = Worker.start(ctx -> {
            seen.add(ctx.workerData());
            seen.add(ctx.name());
        }, WorkerOptions.defaults().name("data").workerData(data));
        awaitKind(worker.log(), EventKind.WORKER_EXIT, 1);
        // THEN the worker saw an equal copy, not the same list
        assertThat(seen.get(0)).isEqualTo(List.of("x", "y")).isNotSameAs(data);
        assertThat(seen.get(1)).isEqualTo("data");
    }

    @Test
    void aScriptWithNothingPendingExitsWithCodeZeroAndRecordsOnlineAndExit() throws Exception {
        // GIVEN a script that registers nothing
        Worker worker = Worker.start(ctx -> { }, WorkerOptions.defaults().name("brief"));
        List<Integer> codes = Collections.synchronizedList(new ArrayList<>());
        worker.onExit(codes::add);
        // WHEN it runs to the end
        awaitKind(worker.log(), EventKind.WORKER_EXIT, 1);
        // THEN online (detail = name) and exit code 0 are recorded
        DeliveryEvent online = events(worker.log(), EventKind.WORKER_ONLINE).get(0);
        assertThat(online.receiver()).isEqualTo(worker.label());
        assertThat(online.detail()).isEqualTo("brief");
        assertThat(events(worker.log(), EventKind.WORKER_EXIT).get(0).exitCode()).isZero();
        assertThat(worker.terminate().get(10, TimeUnit.SECONDS)).isZero();
        assertThat(worker.exitCode()).hasValue(0);
        assertThat(worker.isAlive()).isFalse();
    }

    @Test
    void aThrowingMainSideListenerIsRecordedAndDispatchGoesOn() throws Exception {
        // GIVEN a worker that sends two messages, and a main-side listener that throws on the first
        Worker worker = Worker.start(ctx -> {
            ctx.parentPort().postMessage("first");
            ctx.parentPort().postMessage("second");
        });
        List<Object> seen = Collections.synchronizedList(new ArrayList<>());
        worker.onMessage(e -> {
            seen.add(e.data());
            if (e.data().equals("first")) {
                throw new IllegalStateException("main listener failed");
            }
        });
        // WHEN both are dispatched
        awaitKind(worker.log(), EventKind.HANDLED, 2);
        // THEN the failure is recorded as HANDLED THREW and the second message is still handled
        List<DeliveryEvent> handled = events(worker.log(), EventKind.HANDLED);
        assertThat(handled).extracting(DeliveryEvent::outcome).containsExactly(Outcome.THREW, Outcome.OK);
        assertThat(handled.get(0).error()).hasMessage("main listener failed");
        assertThat(seen).containsExactly("first", "second");
        assertThat(events(worker.log(), EventKind.WORKER_ERROR)).isEmpty();
        worker.terminate().get(10, TimeUnit.SECONDS);
    }

    @Test
    void liveStateDescribesTheRunningWorker() throws Exception {
        // GIVEN a listening worker
        CountDownLatch listening = new CountDownLatch(1);
        Worker worker = Worker.start(ctx -> {
            ctx.parentPort().onMessage(e -> { });
            listening.countDown();
        }, WorkerOptions.defaults().name("described"));
        Histories.await(listening);
        // WHEN its live state is read from the log
        LiveState state = worker.log().liveStates().get(0);
        // THEN it names the worker, its queue and its thread
        assertThat(state.label()).isEqualTo(worker.label());
        assertThat(state.isAlive()).isTrue();
        assertThat(state.describe()).contains("worker " + worker.label() + ": alive")
                .contains("high-water 0").contains("1 message / 0 messageerror listener(s)")
                .contains("thread courier-worker-described-" + worker.threadId());
        worker.terminate().get(10, TimeUnit.SECONDS);
        assertThat(state.describe()).contains("exited with code 1");
        Awaitility.await().atMost(BOUND).until(() -> !state.isAlive());
    }
}
