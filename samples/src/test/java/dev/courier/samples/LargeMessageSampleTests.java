package dev.courier.samples;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.clone.CloneOptions;
import dev.courier.clone.Codecs;
import dev.courier.clone.DataCloneException;
import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import dev.courier.junit.CourierTest;
import dev.courier.junit.ExpectDeliveryFaults;
import dev.courier.junit.Workers;
import dev.courier.worker.TransferableBuffer;
import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A message too large to cross: in Node a huge {@code postMessage} eats memory or aborts the process
 * (seed failure mode "message too large"). With {@link CloneOptions} limits on the port's structured clone,
 * {@code postMessage} fails at once with a {@link DataCloneException} naming the limit, nothing is sent,
 * and the history records CLONE_FAILED. The fix: send the data in chunks, transferred rather than copied,
 * and reassemble them in order on the other side.
 */
@CourierTest
class LargeMessageSampleTests {

    private static final int MIB = 1024 * 1024;
    private static final int CHUNK = MIB;
    private static final long LIMIT = 2L * MIB;
    private static final Duration BOUND = Duration.ofSeconds(10);

    /** One piece of a larger payload. */
    record Chunk(int index, int count, TransferableBuffer data) {
    }

    /** What the worker rebuilt: the chunk indices in arrival order, and the bytes. */
    record Reassembled(List<Integer> arrivalOrder, TransferableBuffer data) {
    }

    @Test
    @ExpectDeliveryFaults(AnomalyKind.CLONE_FAILURE)
    void anOversizedPayloadFailsAtPostMessageNamingTheByteLimit(Workers workers, DeliveryLog log) {
        // GIVEN a worker whose port clones within 2 MiB
        Worker worker = workers.start(ctx -> ctx.parentPort().onMessage(event -> { }), limited(workers));

        // WHEN main posts an 8 MiB frame in one message
        byte[] frame = new byte[8 * MIB];

        // THEN postMessage throws naming the limit, nothing is sent, and CLONE_FAILED is recorded and diagnosed
        assertThatThrownBy(() -> worker.postMessage(frame)).isInstanceOf(DataCloneException.class)
                .hasMessageStartingWith("cannot clone $ ([B): limit maxBytes = 2097152 exceeded: the copy would"
                        + " need about ")
                .hasMessageEndingWith("bytes (estimated). Hint: send a smaller payload, or raise"
                        + " CloneOptions.maxBytes");
        assertThat(log.snapshot().count(EventKind.SENT)).isZero();
        assertThat(log).hasCloneFailures(1).hasCloneFailureAt("$").hasAnomaly(AnomalyKind.CLONE_FAILURE).isAt("main")
                .hasExplanationContaining("1 payload posted by `main` was not cloneable (CLONE_FAILED); first at $"
                        + " ([B): limit maxBytes = 2097152 exceeded");
    }

    @Test
    @ExpectDeliveryFaults(AnomalyKind.CLONE_FAILURE)
    void aPayloadOfTooManyObjectsFailsNamingTheObjectLimit(Workers workers, DeliveryLog log) {
        // GIVEN a worker whose port clones at most 10,000 objects
        WorkerOptions options = workers.options().name("indexer")
                .codec(Codecs.structuredClone(CloneOptions.defaults().maxObjects(10_000)));
        Worker worker = workers.start(ctx -> ctx.parentPort().onMessage(event -> { }), options);

        // WHEN main posts 20,000 rows, each a small mutable list
        List<List<Integer>> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(new ArrayList<>(List.of(i)));
        }

        // THEN the failure names the limit and the path where it was crossed (the list is object 1, row 9999
        // object 10,001); nothing was sent
        assertThatThrownBy(() -> worker.postMessage(rows)).isInstanceOf(DataCloneException.class)
                .hasMessage("cannot clone $[9999] (java.util.ArrayList): limit maxObjects = 10000 exceeded: the"
                        + " payload has more than 10000 objects to copy. Hint: send a smaller payload, or raise"
                        + " CloneOptions.maxObjects");
        assertThat(log.snapshot().count(EventKind.SENT)).isZero();
        assertThat(log).hasCloneFailures(1).hasCloneFailureAt("$[9999]").check();
    }

    @Test
    void chunksTransferredInOrderAreReassembledIntact(Workers workers, DeliveryLog log) throws Exception {
        // GIVEN the same 2 MiB-limited worker, reassembling chunks and sending the whole back, transferred
        Worker worker = workers.start(ctx -> {
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            List<Integer> order = new ArrayList<>();
            ctx.parentPort().onMessage(event -> {
                Chunk chunk = event.data(Chunk.class);
                order.add(chunk.index());
                whole.write(chunk.data().array(), 0, chunk.data().byteLength());
                if (order.size() == chunk.count()) {
                    TransferableBuffer result = TransferableBuffer.wrap(whole.toByteArray());
                    ctx.parentPort().postMessage(new Reassembled(order, result), List.of(result));
                }
            });
        }, limited(workers));
        CompletableFuture<Reassembled> answer = new CompletableFuture<>();
        worker.onMessage(event -> answer.complete(event.data(Reassembled.class)));
        byte[] frame = new byte[8 * MIB];
        new Random(42).nextBytes(frame);

        // WHEN main posts it as eight 1 MiB chunks, each buffer in the transfer list
        List<TransferableBuffer> sent = new ArrayList<>();
        int count = frame.length / CHUNK;
        for (int i = 0; i < count; i++) {
            TransferableBuffer data = TransferableBuffer.wrap(Arrays.copyOfRange(frame, i * CHUNK, (i + 1) * CHUNK));
            worker.postMessage(new Chunk(i, count, data), List.of(data));
            sent.add(data);
        }
        Reassembled reassembled = answer.get(BOUND.toNanos(), TimeUnit.NANOSECONDS);

        // THEN the bytes are intact, the chunks arrived in order, the sender's buffers moved, nothing failed
        assertThat(reassembled.arrivalOrder()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(Arrays.equals(reassembled.data().array(), frame)).as("reassembled bytes equal the frame").isTrue();
        assertThat(sent).allSatisfy(buffer -> assertThat(buffer.isDetached()).isTrue());
        worker.close();
        assertThat(Checks.delivery(log).ok()).isEqualTo(count + 1);
        assertThat(log).hasNoCloneFailures().deliveredExactlyOnce().isInSendOrderPerSender().hasNoAnomalies().check();
    }

    private static WorkerOptions limited(Workers workers) {
        return workers.options().name("frames").codec(Codecs.structuredClone(CloneOptions.defaults().maxBytes(LIMIT)));
    }
}
