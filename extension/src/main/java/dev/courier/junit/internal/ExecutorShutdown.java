package dev.courier.junit.internal;

import dev.courier.assertions.internal.Timeouts;
import dev.courier.tap.ExecutorTap;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Teardown of one tapped executor, the executor's version of a worker's {@code close()}: an orderly
 * shutdown that lets queued tasks run, bounded by the test's timeout (times {@code courier.timeout.factor}), then
 * {@code shutdownNow()} (its never-started tasks recorded as lost by the tap).
 *
 * <p>Thread contract: called by the teardown thread; blocks up to the given timeout.
 */
final class ExecutorShutdown {

    private ExecutorShutdown() {
    }

    /**
     * Empty when the executor finished within {@code timeout} times the timeout factor; otherwise the teardown
     * problem to report.
     */
    static Optional<String> of(ExecutorTap executor, Duration timeout) {
        executor.shutdown();
        try {
            if (executor.awaitTermination(Timeouts.dilate(timeout).toNanos(), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
        return Optional.of("executor `" + executor.label() + "` did not finish its tasks within "
                + Timeouts.describe(timeout) + " of teardown; it was shut down now and its never-started tasks are recorded as lost "
                + "(shut the executor down and await its termination in the test)");
    }
}
