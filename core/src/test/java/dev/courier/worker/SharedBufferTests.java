package dev.courier.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import dev.courier.clone.Fidelity;
import dev.courier.clone.StructuredClone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** S10: shared by reference, atomic views. */
class SharedBufferTests {

    private static final int ADDS = 20_000;

    @AfterAll
    static void noWorkerThreadOutlivesTheClass() throws InterruptedException {
        WorkerThreads.assertNoneAlive();
    }

    @Test
    void atomicAddsFromTheWorkerAndMainAddUpExactly() throws Exception {
        // GIVEN a shared buffer, and a worker that adds to it when it receives it
        SharedBuffer shared = SharedBuffer.allocate(16);
        CompletableFuture<Object> received = new CompletableFuture<>();
        CountDownLatch go = new CountDownLatch(1);
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> {
            SharedBuffer buffer = e.data(SharedBuffer.class);
            received.complete(buffer);
            Histories.awaitQuietly(go);
            for (int i = 0; i < ADDS; i++) {
                buffer.intView().addAndGet(0, 1);
                buffer.longView().addAndGet(1, 2L);
            }
            ctx.parentPort().postMessage("done");
        }));
        CompletableFuture<Object> done = new CompletableFuture<>();
        worker.onMessage(e -> done.complete(e.data()));
        // WHEN main posts it (no transfer list) and both sides add at the same time
        worker.postMessage(shared);
        assertThat(received.get(10, TimeUnit.SECONDS)).isSameAs(shared);
        go.countDown();
        for (int i = 0; i < ADDS; i++) {
            shared.intView().addAndGet(0, 1);
            shared.longView().addAndGet(1, 2L);
        }
        // THEN no update is lost
        assertThat(done.get(10, TimeUnit.SECONDS)).isEqualTo("done");
        assertThat(shared.intView().get(0)).isEqualTo(2 * ADDS);
        assertThat(shared.longView().get(1)).isEqualTo(4L * ADDS);
        worker.terminate().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aStructuredCloneKeepsTheSameBufferAtTheRootAndInsideAPayload() {
        // GIVEN a shared buffer, alone and inside a list in a map
        SharedBuffer shared = SharedBuffer.allocate(8);
        List<Object> slots = new ArrayList<>(List.of(shared));
        Map<String, Object> payload = Map.of("counter", shared, "slots", slots);
        // WHEN both are structured-cloned
        SharedBuffer rootCopy = StructuredClone.copy(shared);
        Map<String, Object> copy = StructuredClone.copy(payload);
        // THEN the buffer is the same instance everywhere, the containers around it are copies, and fidelity
        // sees no difference (a shared buffer is shared by design, not a failure to isolate)
        assertThat(rootCopy).isSameAs(shared);
        assertThat(copy.get("counter")).isSameAs(shared);
        assertThat(copy.get("slots")).isNotSameAs(slots).asInstanceOf(LIST).singleElement().isSameAs(shared);
        assertThat(Fidelity.compare(payload, copy)).isEmpty();
    }

    @Test
    void viewsOfferCompareAndSetAndPlainAccess() {
        // GIVEN a shared buffer
        SharedBuffer shared = SharedBuffer.allocate(16);
        SharedBuffer.IntView ints = shared.intView();
        // WHEN values are written through the different access modes
        ints.setPlain(1, 7);
        boolean swapped = ints.compareAndSet(1, 7, 9);
        boolean stale = ints.compareAndSet(1, 7, 11);
        ints.set(2, 5);
        // THEN each mode reads back what it should
        assertThat(swapped).isTrue();
        assertThat(stale).isFalse();
        assertThat(ints.getPlain(1)).isEqualTo(9);
        assertThat(ints.get(2)).isEqualTo(5);
        assertThat(ints.length()).isEqualTo(4);
        assertThat(shared.longView().length()).isEqualTo(2);
        SharedBuffer.LongView longs = SharedBuffer.allocate(16).longView();
        assertThat(longs.compareAndSet(1, 0L, 42L)).isTrue();
        assertThat(longs.getPlain(1)).isEqualTo(42L);
    }

    @Test
    void anIndexOutsideTheViewIsRejectedWithTheViewsLength() {
        // GIVEN a 16-byte buffer
        SharedBuffer shared = SharedBuffer.allocate(16);
        // WHEN / THEN reading past the end names the index and the length
        assertThatThrownBy(() -> shared.intView().get(4)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index 4 outside the int view (length 4) of a 16-byte SharedBuffer");
        assertThatThrownBy(() -> shared.longView().set(-1, 1L)).hasMessageContaining("long view (length 2)");
    }
}
