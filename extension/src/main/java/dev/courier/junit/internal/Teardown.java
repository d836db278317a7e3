package dev.courier.junit.internal;

import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryReport;
import dev.courier.history.LatencyReport;
import dev.courier.history.LifecycleOptions;
import dev.courier.history.LifecycleReport;
import dev.courier.history.WorkerError;
import dev.courier.tap.ExecutorTap;
import dev.courier.worker.MessageChannel;
import dev.courier.worker.Worker;
import dev.courier.worker.WorkerStuckException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The after-each checks: close every worker the test started (drain, then terminate, each bounded), wait
 * (bounded) for their threads to end, then judge the history. Leaked threads always fail; worker errors,
 * unhandled message errors and clone failures fail in strict mode unless expected.
 *
 * <p>Thread contract: runs on the thread of the test's after-each callbacks; blocks up to the drain and stop
 * timeouts per worker plus the test's timeout for threads.
 */
public final class Teardown {

    /** The kinds strict mode fails a test for. */
    public static final Set<AnomalyKind> STRICT_KINDS = Set.of(AnomalyKind.WORKER_ERROR,
            AnomalyKind.UNHANDLED_MESSAGE_ERROR, AnomalyKind.CLONE_FAILURE);

    private Teardown() {
    }

    /** Tears {@code run} down once; empty if another caller already did. */
    public static Optional<TeardownResult> of(TestRun run, Set<AnomalyKind> expected) {
        if (!run.claimTeardown()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        List<Throwable> causes = new ArrayList<>();
        Set<String> labels = new LinkedHashSet<>();
        for (Worker worker : run.testWorkers().all()) {
            labels.add(worker.label());
            try {
                worker.close();
            } catch (WorkerStuckException stuck) {
                problems.add("worker `" + stuck.worker() + "` could not be closed: " + firstLine(stuck.getMessage()));
            } catch (RuntimeException failed) {
                problems.add("worker `" + worker.label() + "` could not be closed: " + failed);
                causes.add(failed);
            }
        }
        for (Worker worker : run.testWorkers().adopted()) {
            labels.add(worker.label());
            if (worker.isAlive()) {
                problems.add(neverClosed(worker));
            }
            try {
                worker.close();
            } catch (RuntimeException failed) {
                problems.add("worker `" + worker.label() + "` could not be closed: " + firstLine(failed.getMessage()));
            }
        }
        for (MessageChannel channel : run.testWorkers().channels()) {
            channel.close();
        }
        for (ExecutorTap executor : run.testWorkers().executors()) {
            ExecutorShutdown.of(executor, run.settings().timeout()).ifPresent(problems::add);
        }
        labels.addAll(ThreadCheck.onlineWorkers(run.log().snapshot()));
        problems.addAll(ThreadCheck.survivors(labels, run.settings().timeout()));
        int lifecycleProblems = problems.size();
        LifecycleReport lifecycle = Checks.lifecycle(run.log().snapshot(), LifecycleOptions.defaults().atTeardown());
        if (run.settings().strict()) {
            for (Anomaly anomaly : lifecycle.anomalies()) {
                if (STRICT_KINDS.contains(anomaly.kind()) && !expected.contains(anomaly.kind())) {
                    problems.add(anomaly.toString());
                }
            }
            if (!expected.contains(AnomalyKind.WORKER_ERROR)) {
                lifecycle.workerErrors().stream().map(WorkerError::error).filter(e -> e != null).forEach(causes::add);
            }
        }
        DeliveryReport delivery = Checks.delivery(run.log());
        return Optional.of(new TeardownResult(summary(delivery, Checks.latency(run.log())), problems, causes,
                delivery, lifecycle, lifecycleProblems, problems.size() - lifecycleProblems));
    }

    /** "sent 1000, delivered 1000, lost 0, duplicated 0, p99 2.1 ms". */
    static String summary(DeliveryReport delivery, LatencyReport latency) {
        double p99 = latency.percentile(99).toNanos() / 1e6;
        return "sent " + delivery.sentCount() + ", delivered " + delivery.deliveredCount() + ", lost "
                + delivery.lost().size() + ", duplicated " + delivery.duplicated().size() + ", p99 "
                + String.format(Locale.ROOT, "%.1f", p99) + " ms";
    }

    /** The truth about a worker the code under test left running: teardown closed it, not the code. */
    static String neverClosed(Worker worker) {
        return "worker `" + worker.label() + "` was started by the code under test and never closed; teardown "
                + "closed it (drain, then terminate): close the workers the code starts (e.g. make its class "
                + "AutoCloseable and close it in the test)";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "no message";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
