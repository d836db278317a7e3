package dev.courier.samples;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.Outcome;
import dev.courier.junit.CourierTest;
import dev.courier.junit.ExpectDeliveryFaults;
import dev.courier.junit.Workers;
import dev.courier.worker.Worker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A pool restarts its crashed worker under the same name, but a caller kept the old {@code Worker}
 * reference and keeps posting to it. Node ignores posts to an exited worker, so in production the jobs
 * simply vanish ("wrong worker reference after a restart", seed failure mode). Courier records them as
 * dropped (PORT_CLOSED) and names the newer worker that was running. The fix: look the worker up from
 * the pool at send time.
 */
@CourierTest
class StaleWorkerReferenceSampleTests {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    @ExpectDeliveryFaults(AnomalyKind.WORKER_ERROR)
    void postsToAWorkerKeptAcrossARestartAreLostAndDiagnosedAsAStaleReference(Workers workers, DeliveryLog log)
            throws Exception {
        Worker kept;
        Worker restarted;
        try (RestartingPool pool = new RestartingPool("pool", workers)) {
            // GIVEN a caller that keeps the pool's worker, which crashes on a poison job and is restarted
            kept = pool.worker();
            kept.postMessage("job-1");
            kept.postMessage("poison");
            restarted = pool.awaitRestart();
            awaitLog(log, s -> countOnline(s) == 2, "the restarted worker to come online");

            // WHEN the caller posts two more jobs through the reference it kept
            kept.postMessage("job-2");
            kept.postMessage("job-3");
            awaitLog(log, s -> countDropped(s, DropCause.PORT_CLOSED) == 2, "the two posts to be dropped");
        }

        // THEN both jobs are lost (PORT_CLOSED), and the diagnosis names the old and the newer worker
        String explanation = "2 messages were sent to worker `" + kept.label() + "` after it had exited while a"
                + " newer worker of the same name (`" + restarted.label() + "`) was running; they were dropped"
                + " (PORT_CLOSED)";
        assertThatThrownBy(() -> assertThat(log).hasNoLostMessages().check()).hasMessageContaining(explanation);
        assertThat(log).hasLostMessagesWithCause(DropCause.PORT_CLOSED, 2)
                .hasAnomaly(AnomalyKind.STALE_REFERENCE).isAt(kept.label()).hasExplanation(explanation)
                .hasFixContaining("look the worker up at send time");
        // and the crash that caused the restart is reported too
        assertThat(log).hasWorkerErrors(1).hasAnomaly(AnomalyKind.WORKER_ERROR)
                .hasExplanationContaining("cannot process poison job");
    }

    @Test
    @ExpectDeliveryFaults(AnomalyKind.WORKER_ERROR)
    void lookingTheWorkerUpAtSendTimeDeliversEveryJobAfterARestart(Workers workers, DeliveryLog log)
            throws Exception {
        List<Object> handledByRestarted;
        try (RestartingPool pool = new RestartingPool("pool", workers)) {
            // GIVEN the same pool and crash, but a caller that asks the pool for its worker on every send
            pool.worker().postMessage("job-1");
            pool.worker().postMessage("poison");
            pool.awaitRestart();
            awaitLog(log, s -> countOnline(s) == 2, "the restarted worker to come online");

            // WHEN the caller posts two more jobs
            pool.worker().postMessage("job-2");
            pool.worker().postMessage("job-3");
            awaitLog(log, s -> countHandledOk(s) == 3, "three jobs to be handled");
            handledByRestarted = pool.handled(pool.worker());
        }

        // THEN the restarted worker handled them and nothing was lost or sent to a stale reference
        assertThat(handledByRestarted).containsExactly("job-2", "job-3");
        assertThat(log).hasNoLostMessages().hasNoDuplicates().isInSendOrderPerSender().check();
        assertThat(Checks.diagnose(log).ofKind(AnomalyKind.STALE_REFERENCE)).isEmpty();
    }

    /**
     * A one-slot pool: when its worker exits abnormally it starts a new one with the same name. Thread
     * contract: {@link #worker()} may be called from any thread; the restart runs on the exited worker's
     * parent dispatcher; {@link #close()} stops restarting, then closes every worker it started (before the
     * test's teardown, which would otherwise see the terminated worker restarted).
     */
    private static final class RestartingPool implements AutoCloseable {

        private final String name;
        private final Workers workers;
        private final List<Worker> started = new CopyOnWriteArrayList<>();
        private final List<List<Object>> handled = new CopyOnWriteArrayList<>();
        private volatile Worker current;
        private final CompletableFuture<Worker> restarted = new CompletableFuture<>();
        private volatile boolean closed;

        RestartingPool(String name, Workers workers) {
            this.name = name;
            this.workers = workers;
            this.current = startWorker();
        }

        Worker worker() {
            return current;
        }

        /** Waits (bounded) until the pool has replaced its first worker; returns the replacement. */
        Worker awaitRestart() throws Exception {
            return restarted.get(BOUND.toNanos(), TimeUnit.NANOSECONDS);
        }

        List<Object> handled(Worker worker) {
            return new ArrayList<>(handled.get(started.indexOf(worker)));
        }

        private Worker startWorker() {
            List<Object> jobs = new CopyOnWriteArrayList<>();
            Worker worker = workers.start(name, ctx -> ctx.parentPort().onMessage(event -> {
                if ("poison".equals(event.data())) {
                    throw new IllegalStateException("cannot process poison job");
                }
                jobs.add(event.data());
            }));
            handled.add(jobs);
            started.add(worker);
            worker.onExit(code -> {
                if (code != 0 && !closed) {
                    current = startWorker();
                    restarted.complete(current);
                }
            });
            return worker;
        }

        @Override
        public void close() {
            closed = true;
            for (Worker worker : started) {
                worker.close();
            }
        }
    }

    private static int countOnline(HistorySnapshot snapshot) {
        return snapshot.count(EventKind.WORKER_ONLINE);
    }

    private static int countDropped(HistorySnapshot snapshot, DropCause cause) {
        return snapshot.select().kind(EventKind.DROPPED).cause(cause).count();
    }

    private static int countHandledOk(HistorySnapshot snapshot) {
        return snapshot.select().kind(EventKind.HANDLED).outcome(Outcome.OK).count();
    }

    private static void awaitLog(DeliveryLog log, Predicate<HistorySnapshot> condition,
                                 String what) throws InterruptedException {
        assertThat(log.await(condition, BOUND)).as("waited %s for %s; history:%n%s", BOUND, what, log.events())
                .isTrue();
    }
}
