package dev.courier.clone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.ByteArrayInputStream;
import java.lang.ref.WeakReference;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Values that cannot cross a port: the error names the path, the class and a hint (rule C5). */
class NotCloneableTests {

    @Test
    void aLambdaDeepInsideIsReportedWithItsExactPath() {
        // GIVEN a batch whose third job holds a lambda callback
        List<Samples.Job> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            jobs.add(new Samples.Job("job" + i, i == 2 ? () -> { } : null));
        }
        Samples.Batch batch = new Samples.Batch("b1", jobs);

        // WHEN / THEN cloning fails at $.jobs[2].callback with a message that says what to do
        assertThatThrownBy(() -> StructuredClone.copy(batch))
                .asInstanceOf(type(DataCloneException.class))
                .satisfies(e -> {
                    assertThat(e.path()).isEqualTo("$.jobs[2].callback");
                    assertThat(e.valueClass()).contains("$$Lambda");
                    assertThat(e.hint()).startsWith("send data instead");
                    assertThat(e.problem()).isEqualTo(
                            "a lambda or method reference is a function, and functions cannot be cloned");
                    assertThat(e.getMessage()).startsWith("cannot clone $.jobs[2].callback (")
                            .contains("): a lambda or method reference is a function, and functions cannot be cloned."
                                    + " Hint: send data instead (a record or enum naming the operation)");
                });
    }

    @Test
    void mapValuesAreNamedByKey() {
        // GIVEN maps keyed by an identifier, by text with a space and by a number
        Map<Object, Object> handlers = new HashMap<>();
        handlers.put("onDone", new Thread(() -> { }));
        Map<String, Object> spaced = Map.of("two words", new ReentrantLock());
        Map<Integer, Object> numbered = Map.of(7, new Semaphore(1));

        // WHEN / THEN each path uses the key notation
        assertThatThrownBy(() -> StructuredClone.copy(handlers)).hasMessageStartingWith(
                "cannot clone $.onDone (java.lang.Thread): a thread (or thread group or thread-local) cannot be cloned");
        assertThatThrownBy(() -> StructuredClone.copy(spaced)).hasMessageStartingWith(
                "cannot clone $[\"two words\"] (java.util.concurrent.locks.ReentrantLock): a lock or synchronizer");
        assertThatThrownBy(() -> StructuredClone.copy(numbered)).hasMessageStartingWith(
                "cannot clone $[7] (java.util.concurrent.Semaphore): a lock or synchronizer cannot be cloned");
    }

    static Stream<Arguments> rejectedKinds() {
        return Stream.of(
                rejected("countdown latch", () -> new CountDownLatch(1), "a lock or synchronizer cannot be cloned"),
                rejected("executor", Executors::newSingleThreadExecutor, "an executor or timer cannot be cloned"),
                rejected("future", CompletableFuture::new, "a future cannot be cloned"),
                rejected("input stream", () -> new ByteArrayInputStream(new byte[1]),
                        "an I/O stream, reader, writer, channel or socket cannot be cloned"),
                rejected("class loader", () -> NotCloneableTests.class.getClassLoader(), "a class loader cannot be cloned"),
                rejected("weak reference", () -> new WeakReference<>("x"), "a weak, soft or phantom reference"),
                rejected("iterator", () -> new ArrayList<>(List.of(1)).iterator(), "an iterator cannot be cloned"),
                rejected("stream", () -> Stream.of(1), "a java.util.stream pipeline cannot be cloned"),
                rejected("proxy", () -> Proxy.newProxyInstance(NotCloneableTests.class.getClassLoader(),
                        new Class<?>[] {Runnable.class}, (p, m, a) -> null), "a dynamic proxy cannot be cloned"),
                rejected("map view", () -> new HashMap<>(Map.of(1, 2)).keySet(), "a view of another collection"));
    }

    private static Arguments rejected(String kind, Supplier<Object> make, String problem) {
        return Arguments.of(kind, make, problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedKinds")
    void unclonableKindsAreRejectedWithTheirProblem(String kind, Supplier<Object> make, String problem) {
        // GIVEN a value of a kind that cannot be cloned, in a list
        Object value = make.get();
        List<Object> payload = new ArrayList<>(List.of("ok", value));
        try {
            // WHEN / THEN the error names the element's path and the problem
            assertThatThrownBy(() -> StructuredClone.copy(payload))
                    .isInstanceOf(DataCloneException.class)
                    .hasMessageStartingWith("cannot clone $[1] (")
                    .hasMessageContaining(problem);
        } finally {
            if (value instanceof java.util.concurrent.ExecutorService executor) {
                executor.shutdownNow();
            }
        }
    }

    @Test
    void aLambdaComparatorIsRejectedButJdkSingletonsAreShared() {
        // GIVEN a tree map ordered by a lambda and one ordered by the natural-order singleton
        TreeMap<String, Integer> byLambda = new TreeMap<>((a, b) -> b.compareTo(a));
        byLambda.put("a", 1);
        TreeMap<String, Integer> natural = new TreeMap<>(Comparator.naturalOrder());

        // WHEN / THEN the first fails at its comparator, the second clones with the same comparator
        assertThatThrownBy(() -> StructuredClone.copy(Map.of("index", byLambda)))
                .hasMessageStartingWith("cannot clone $.index.comparator() (")
                .hasMessageContaining("a lambda or method reference is a function");
        assertThat(StructuredClone.copy(natural).comparator()).isSameAs(Comparator.naturalOrder());
    }

    /** A stand-in for a message port: transfer-only. */
    static final class FakePort implements Transferable {
        @Override
        public boolean transferOnly() {
            return true;
        }

        @Override
        public Transferable copyForClone() {
            throw new AssertionError("a port is never copied");
        }
    }

    /** A stand-in for a transferable buffer: copyable when not transferred. */
    record FakeBuffer(byte[] bytes) implements Transferable {
        @Override
        public boolean transferOnly() {
            return false;
        }

        @Override
        public Transferable copyForClone() {
            return new FakeBuffer(bytes.clone());
        }
    }

    @Test
    void aPortOutsideTheTransferListIsRejected() {
        // GIVEN a payload holding a transfer-only value
        Map<String, Object> payload = Map.of("reply", new FakePort());

        // WHEN / THEN
        assertThatThrownBy(() -> StructuredClone.copy(payload)).hasMessageStartingWith(
                "cannot clone $.reply (dev.courier.clone.NotCloneableTests$FakePort): a MessagePort found in the"
                        + " payload must be in the transfer list");
    }

    @Test
    void transferablesAreCopiedOrReplacedByTheirStandIn() {
        // GIVEN a copyable transferable, a port listed in the transfer context, and its stand-in
        FakeBuffer buffer = new FakeBuffer(new byte[] {1});
        FakePort port = new FakePort();
        Object standIn = "port stand-in";
        TransferContext transfers = original -> original == port ? standIn : null;

        // WHEN the payload is cloned with that context
        Object[] copy = StructuredClone.copy(new Object[] {buffer, port}, transfers);

        // THEN the buffer is copied with its own memory and the port replaced
        assertThat(copy[0]).isInstanceOf(FakeBuffer.class).isNotSameAs(buffer);
        assertThat(((FakeBuffer) copy[0]).bytes()).containsExactly(1).isNotSameAs(buffer.bytes());
        assertThat(copy[1]).isSameAs(standIn);
    }

    /** A record that can be made to contain itself through its list. */
    record Loop(List<Object> items) {
    }

    @Test
    void aCycleThroughARecordIsRejectedWithAClearReason() {
        // GIVEN a record whose list holds the record itself
        Loop loop = new Loop(new ArrayList<>());
        loop.items().add(loop);

        // WHEN / THEN cloning fails where the cycle closes, saying why
        assertThatThrownBy(() -> StructuredClone.copy(loop)).hasMessageStartingWith(
                "cannot clone $.items[0] (dev.courier.clone.NotCloneableTests$Loop): a cycle passes through a value"
                        + " that is built from its parts");
    }
}
