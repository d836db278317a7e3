package dev.courier.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.assertions.CourierAssertions;
import dev.courier.history.AnomalyKind;
import dev.courier.history.DeliveryEvent;
import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import dev.courier.junit.CourierTest;
import dev.courier.junit.Workers;
import dev.courier.worker.MessageChannel;
import dev.courier.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The main side listens for the worker's results on the wrong object (Node: {@code process.on('message')}
 * instead of {@code worker.on('message')}); here, a spare channel's port. The worker's replies go to the main
 * side of the worker, where nobody listens; as in Node (the Worker is an EventEmitter) they are lost there, and
 * the test just sees "no results" (seed failure mode: listening on the wrong target). Courier shows them dropped
 * at {@code main} (NO_LISTENER) and explains that {@code main} never registered a listener. Fix: listen on the
 * worker.
 */
@CourierTest
class WrongListenerTargetSampleTests {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    void resultsSentToTheWorkersMainSideWaitThereWhenMainListensElsewhere(Workers workers) throws Exception {
        // GIVEN a worker that replies to main, and a main side that listens on another port
        Worker scorer = workers.start("scorer", ctx -> ctx.parentPort().onMessage(e ->
                ctx.parentPort().postMessage("score:" + e.data())));
        MessageChannel spare = workers.channel();
        List<Object> results = new CopyOnWriteArrayList<>();
        spare.port1().onMessage(e -> results.add(e.data()));
        DeliveryLog log = workers.log();

        // WHEN three requests are answered
        List.of("a", "b", "c").forEach(scorer::postMessage);
        log.await(s -> countDroppedAtMain(s.events()) == 3, BOUND);

        // THEN no result arrives where main listens; Courier shows them dropped at `main` and says why
        assertThat(results).isEmpty();
        CourierAssertions.assertThat(log).hasAnomaly(AnomalyKind.LATE_LISTENER).isAt("main")
                .hasExplanation("3 messages to `main` were dropped (NO_LISTENER) because it never registered a "
                        + "message listener; the main side of a worker does not buffer (Node's Worker is an "
                        + "EventEmitter)")
                .hasFixContaining("worker.onMessage");
        assertThatThrownBy(() -> CourierAssertions.assertThat(log).deliveredExactlyOnce().check())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("never registered a message listener");
    }

    @Test
    void listeningOnTheWorkerReceivesEveryResult(Workers workers) {
        // GIVEN the same worker, with main listening on the worker itself
        Worker scorer = workers.start("scorer", ctx -> ctx.parentPort().onMessage(e ->
                ctx.parentPort().postMessage("score:" + e.data())));
        List<Object> results = new CopyOnWriteArrayList<>();
        scorer.onMessage(e -> results.add(e.data()));

        // WHEN three requests are answered
        List.of("a", "b", "c").forEach(scorer::postMessage);

        // THEN all three results arrive, in order, exactly once
        CourierAssertions.assertThat(workers.log()).within(BOUND).deliveredExactlyOnce().isInSendOrderPerSender().check();
        assertThat(results).containsExactly("score:a", "score:b", "score:c");
    }

    private static long countDroppedAtMain(List<DeliveryEvent> events) {
        return events.stream().filter(e -> e.kind() == EventKind.DROPPED && "main".equals(e.receiver())).count();
    }
}
