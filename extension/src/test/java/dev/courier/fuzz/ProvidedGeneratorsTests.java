package dev.courier.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.clone.DataCloneException;
import dev.courier.clone.Fidelity;
import dev.courier.clone.StructuredClone;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryReport;
import dev.courier.worker.ListenerPolicy;
import dev.courier.worker.WorkerOptions;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;

class ProvidedGeneratorsTests {

    private static final AtomicInteger SCHEDULES_RUN = new AtomicInteger();
    private static final AtomicInteger MESSAGES_SENT = new AtomicInteger();

    @FuzzTest(tries = 200, seed = 8128)
    void queueUntilStartedLosesNoMessageWhateverTheSchedule(@From(SendSchedules.Any.class) SendSchedule schedule) {
        // GIVEN a random schedule (late listeners, bursts, pauses, a slow receiver)
        // WHEN it runs against a worker whose port queues until a listener is added
        DeliveryReport report = Checks.delivery(schedule.runAgainst(WorkerOptions.defaults()
                .listenerPolicy(ListenerPolicy.QUEUE_UNTIL_STARTED)));

        // THEN every message sent is delivered exactly once
        assertThat(report.lost()).isEmpty();
        assertThat(report.sentCount()).isEqualTo(schedule.messageCount());
        assertThat(report.ok()).isEqualTo(schedule.messageCount());
        SCHEDULES_RUN.incrementAndGet();
        MESSAGES_SENT.addAndGet(report.sentCount());
    }

    @FuzzTest(tries = 100, seed = 31)
    void cloneablePayloadsFromTheProviderCloneFaithfully(@From(Payloads.Cloneable.class) Object payload) {
        // GIVEN a payload from the provider
        // WHEN it is cloned
        // THEN the copy is faithful
        assertThat(Fidelity.compare(payload, StructuredClone.copy(payload))).isEmpty();
    }

    @FuzzTest(tries = 100, seed = 32)
    void poisonedPayloadsFromTheProviderNameTheirPath(@From(Payloads.NonCloneable.class) PoisonedPayload poisoned) {
        // GIVEN a poisoned payload from the provider
        // WHEN it is cloned
        // THEN it fails at the expected path
        assertThatThrownBy(() -> StructuredClone.copy(poisoned.payload()))
                .isInstanceOf(DataCloneException.class)
                .hasMessageStartingWith("cannot clone " + poisoned.expectedPath() + " (");
    }

    @AfterAll
    static void schedulesWereRealistic() {
        // THEN, over the whole property, every try ran (as many as declared, or as configured for a deep or
        // quick run; fewer only when a time budget stopped it) with sizeable numbers of messages
        int tries = Integer.getInteger(FuzzConfig.TRIES, 200);
        if (System.getProperty(FuzzConfig.TIME_BUDGET) == null) {
            assertThat(SCHEDULES_RUN.get()).isEqualTo(tries);
        } else {
            assertThat(SCHEDULES_RUN.get()).isBetween(1, tries);
        }
        assertThat(MESSAGES_SENT.get()).isGreaterThan(SCHEDULES_RUN.get() * 20);
    }
}
