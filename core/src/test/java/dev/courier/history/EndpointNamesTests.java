package dev.courier.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EndpointNamesTests {

    @Test
    void formatsAndReadsBackWorkerLabelsAndThreadNames() {
        // GIVEN / WHEN / THEN
        assertThat(EndpointNames.worker("transcoder", 3)).isEqualTo("transcoder#3");
        assertThat(EndpointNames.workerThread("transcoder", 3)).isEqualTo("courier-worker-transcoder-3");
        assertThat(EndpointNames.parentDispatcher("courier-worker-transcoder-3"))
                .isEqualTo("courier-worker-transcoder-3-parent");
        assertThat(EndpointNames.workerThreadOf("transcoder#3")).hasValue("courier-worker-transcoder-3");
        assertThat(EndpointNames.endpointOfThread("courier-worker-transcoder-3")).hasValue("transcoder#3");
        assertThat(EndpointNames.endpointOfThread("courier-worker-transcoder-3-parent")).hasValue(EndpointNames.MAIN);
        assertThat(EndpointNames.workerName("transcoder#3")).isEqualTo("transcoder");
    }

    @Test
    void namesWithDashesAndHashesRoundTrip() {
        // GIVEN a worker name holding the separators of both formats
        String name = "image-resize#v2";

        // WHEN / THEN the id is always the last part
        assertThat(EndpointNames.workerThreadOf(EndpointNames.worker(name, 12))).hasValue(EndpointNames.workerThread(name, 12));
        assertThat(EndpointNames.endpointOfThread(EndpointNames.workerThread(name, 12))).hasValue(EndpointNames.worker(name, 12));
        assertThat(EndpointNames.workerName(EndpointNames.worker(name, 12))).isEqualTo(name);
    }

    @Test
    void labelsAndThreadsThatAreNotAWorkersAreSaidSo() {
        // GIVEN / WHEN / THEN
        assertThat(EndpointNames.workerThreadOf("main")).isEmpty();
        assertThat(EndpointNames.workerThreadOf("queue:jobs")).isEmpty();
        assertThat(EndpointNames.workerThreadOf("broken#")).isEmpty();
        assertThat(EndpointNames.endpointOfThread("pool-1-thread-1")).isEmpty();
        assertThat(EndpointNames.isParentDispatcher("courier-worker-a-1-parent")).isTrue();
        assertThat(EndpointNames.isParentDispatcher("courier-worker-a-1")).isFalse();
        assertThat(EndpointNames.workerName("queue:jobs")).isEqualTo("queue:jobs");
    }

    @Test
    void aRunningWorkersLabelAndThreadAreTheOnesDefinedHere() throws Exception {
        // GIVEN a worker that reports the name of the thread running its script
        CompletableFuture<String> thread = new CompletableFuture<>();
        Worker worker = Worker.start(ctx -> thread.complete(Thread.currentThread().getName()),
                WorkerOptions.defaults().name("naming"));
        try {
            // WHEN / THEN its label and thread follow the one definition
            String threadName = thread.get(10, TimeUnit.SECONDS);
            assertThat(EndpointNames.endpointOfThread(threadName)).hasValue(worker.label());
            assertThat(EndpointNames.workerThreadOf(worker.label())).hasValue(threadName);
        } finally {
            worker.close();
        }
    }
}
