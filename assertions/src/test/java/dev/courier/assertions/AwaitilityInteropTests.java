package dev.courier.assertions;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.courier.history.DropCause;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AwaitilityInteropTests {

    private final Recorder recorder = new Recorder();
    private final ExecutorService other = Executors.newSingleThreadExecutor();
    private final CountDownLatch go = new CountDownLatch(1);

    @AfterEach
    void stopTheOtherThread() throws InterruptedException {
        other.shutdownNow();
        assertThat(other.awaitTermination(10, TimeUnit.SECONDS)).as("the appending thread ended").isTrue();
    }

    /** Sends messages 1 and 2 now; another thread delivers them once {@code go} opens. */
    private Future<?> twoMessagesDeliveredLater() {
        recorder.sent(1, 1, "main", "w#1");
        recorder.sent(2, 2, "main", "w#1");
        return other.submit(() -> {
            assertThat(go.await(10, TimeUnit.SECONDS)).as("go signal").isTrue();
            for (long id = 1; id <= 2; id++) {
                recorder.enqueued(id, id, "main", "w#1", 1);
                recorder.delivered(id, id, "main", "w#1");
                recorder.handled(id, id, "main", "w#1");
            }
            return null;
        });
    }

    @Test
    void courierConditionsWorkInAwaitilityUntil() throws Exception {
        // GIVEN two messages delivered by another thread once signalled
        Future<?> deliveries = twoMessagesDeliveredLater();

        // WHEN
        go.countDown();
        await().atMost(Duration.ofSeconds(10)).until(CourierConditions.delivered(recorder.log, "w#1", 2));
        await().atMost(Duration.ofSeconds(10)).until(CourierConditions.nothingInFlight(recorder.log));

        // THEN
        deliveries.get(10, TimeUnit.SECONDS);
        assertThat(CourierConditions.delivered(recorder.endpoint("w#1"), 3).call()).isFalse();
        assertThat(CourierConditions.delivered(recorder.endpoint("w#1"), 2).call()).isTrue();
    }

    @Test
    void courierAssertionsWorkInAwaitilityUntilAsserted() throws Exception {
        // GIVEN two messages delivered by another thread once signalled
        Future<?> deliveries = twoMessagesDeliveredLater();

        // WHEN / THEN the assertion is retried until it holds
        go.countDown();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(recorder.log).deliveredExactlyOnce().check());
        deliveries.get(10, TimeUnit.SECONDS);
    }

    @Test
    void awaitilityTimeoutCarriesTheCourierFailureText() {
        // GIVEN a message lost for good
        recorder.online("pool#3", "pool");
        recorder.exit("pool#3", 0);
        recorder.sentAndDropped(1, "main", "pool#3", DropCause.PORT_CLOSED);

        // WHEN / THEN
        assertThatThrownBy(() -> await().atMost(Duration.ofMillis(200)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(recorder.log).hasNoLostMessages().check()))
                .isInstanceOf(ConditionTimeoutException.class)
                .hasMessageContaining("Expecting no lost messages but 1 of 1 was lost:")
                .hasMessageContaining("STALE_REFERENCE at `pool#3`");
    }

    @Test
    void conditionsRejectBadInput() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> CourierConditions.delivered(recorder.log, "w#1", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected message count must be 0 or more, got -1");
        assertThatThrownBy(() -> CourierConditions.delivered(null, "w#1", 1))
                .isInstanceOf(NullPointerException.class).hasMessage("log");
    }
}
