package dev.courier.worker;

import static dev.courier.worker.Histories.awaitKind;
import static dev.courier.worker.Histories.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.courier.clone.Codecs;
import dev.courier.clone.HostilePayloads;
import dev.courier.history.EventKind;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Mutation-in-flight detection on payloads that used to make the comparison run for ever. */
class MutationInFlightHostilePayloadTests {


    @AfterAll
    static void noWorkerThreadOutlivesTheClass() throws InterruptedException {
        WorkerThreads.assertNoneAlive();
    }

    @Test
    void aWorkerComparingNestedSetsOfObjectsDeliversAndCloses() {
        // GIVEN a worker sharing references with detection on, and 40 levels of HashSet -> object -> HashSet
        Set<Object> root = HostilePayloads.nestedSetsOfObjects(40);
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> { }),
                WorkerOptions.defaults().codec(Codecs.identity()).detectMutationInFlight(true).name("nested"));

        // WHEN the payload is posted THEN it is handled, unchanged, and the worker closes
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            worker.postMessage(root);
            awaitKind(worker.log(), EventKind.HANDLED, 1);
            worker.close();
        });
        assertThat(events(worker.log(), EventKind.MUTATED_IN_FLIGHT)).isEmpty();
        assertThat(worker.isAlive()).isFalse();
    }
}
