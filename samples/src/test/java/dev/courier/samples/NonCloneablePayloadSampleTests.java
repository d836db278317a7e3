package dev.courier.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.courier.assertions.CourierAssertions;
import dev.courier.clone.DataCloneException;
import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import dev.courier.junit.CourierTest;
import dev.courier.junit.ExpectDeliveryFaults;
import dev.courier.junit.Workers;
import dev.courier.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A scheduler hands a batch of jobs to a worker, and one job carries a completion callback (a lambda).
 * Structured clone cannot copy a function, so {@code postMessage} throws a {@code DataCloneException}
 * and nothing is sent; code that swallows it silently loses the whole batch (seed failure mode:
 * non-cloneable payload). Courier names the exact path and records the failure. Fix: send data (a
 * command name) and look the function up on the side that runs it.
 */
@CourierTest
class NonCloneablePayloadSampleTests {

    private static final Duration BOUND = Duration.ofSeconds(10);

    /** A job whose completion callback is a function: it cannot cross a port. */
    record Job(String name, Runnable callback) {
    }

    /** The batch the scheduler posts. */
    record JobBatch(List<Job> jobs) {
    }

    /** A job that names its completion command instead of carrying the function. */
    record JobCommand(String name, String onDone) {
    }

    /** The batch, as data only. */
    record CommandBatch(List<JobCommand> jobs) {
    }

    @Test
    @ExpectDeliveryFaults(AnomalyKind.CLONE_FAILURE)
    void batchWithALambdaFieldFailsToCloneAtTheCallbackPath(Workers workers) {
        // GIVEN a job worker and a batch whose third job carries a callback
        List<String> notified = new CopyOnWriteArrayList<>();
        JobBatch batch = new JobBatch(List.of(new Job("resize", null), new Job("thumbnail", null),
                new Job("publish", () -> notified.add("publish"))));
        Worker worker = workers.start("jobs", ctx -> ctx.parentPort().onMessage(e -> { }));
        DeliveryLog log = workers.log();
        // WHEN the batch is posted
        DataCloneException failure = catchThrowableOfType(DataCloneException.class, () -> worker.postMessage(batch));
        // THEN postMessage throws, naming the path, the problem and what to do instead
        assertThat(failure.path()).isEqualTo("$.jobs[2].callback");
        assertThat(failure).hasMessageStartingWith("cannot clone $.jobs[2].callback (")
                .hasMessageContaining("a lambda or method reference is a function, and functions cannot be cloned")
                .hasMessageContaining("Hint: send data instead (a record or enum naming the operation)");
        CourierAssertions.assertThatPayload(batch).isNotCloneable().at("$.jobs[2].callback");
        // and nothing was sent: the history holds CLONE_FAILED, diagnosed as CLONE_FAILURE at the sender
        assertThat(log.snapshot().count(EventKind.SENT)).isZero();
        CourierAssertions.assertThat(log).hasCloneFailures(1).hasCloneFailureAt("$.jobs[2].callback").check();
        assertThatThrownBy(() -> CourierAssertions.assertThat(log).hasNoCloneFailures().check())
                .isInstanceOf(AssertionError.class).hasMessageContaining("$.jobs[2].callback");
        assertThat(Checks.diagnose(log).ofKind(AnomalyKind.CLONE_FAILURE)).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.endpoint()).isEqualTo("main");
            assertThat(anomaly.explanation()).startsWith("1 payload posted by `main` was not cloneable "
                    + "(CLONE_FAILED); first at $.jobs[2].callback (")
                    .contains("functions cannot be cloned");
            assertThat(anomaly.fix()).startsWith("remove or replace the non-cloneable value at "
                    + "$.jobs[2].callback (send data instead");
        });
        assertThat(notified).isEmpty();
    }

    @Test
    void batchThatNamesItsCompletionCommandCrossesAndTheCallbackRunsOnTheSender(Workers workers) throws Exception {
        // GIVEN a job worker that reports each finished job's completion command back to main,
        // and main's table of completion functions
        List<String> notified = new CopyOnWriteArrayList<>();
        Map<String, Runnable> completions = Map.of("notify-publisher", () -> notified.add("publish"));
        CountDownLatch done = new CountDownLatch(1);
        Worker worker = workers.start("jobs", ctx -> ctx.parentPort().onMessage(e -> {
            for (JobCommand job : e.data(CommandBatch.class).jobs()) {
                if (job.onDone() != null) {
                    ctx.parentPort().postMessage(job.onDone());
                }
            }
        }));
        worker.onMessage(e -> {
            completions.get(e.data(String.class)).run();
            done.countDown();
        });
        // WHEN the batch is posted as data
        worker.postMessage(new CommandBatch(List.of(new JobCommand("resize", null),
                new JobCommand("thumbnail", null), new JobCommand("publish", "notify-publisher"))));
        // THEN it crosses, the completion runs, and the history is clean
        assertThat(done.await(BOUND.toSeconds(), TimeUnit.SECONDS)).as("completion reported").isTrue();
        assertThat(notified).containsExactly("publish");
        worker.close();
        CourierAssertions.assertThat(workers.log()).hasNoCloneFailures().deliveredExactlyOnce().hasNoAnomalies().check();
    }
}
