package dev.courier.fuzz.internal;

import dev.courier.fuzz.Gen;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.lang.ref.WeakReference;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Values the structured clone must reject. None of them holds a resource or a running thread: the thread is
 * never started, the streams read from memory, the future and latch are never waited on.
 */
final class Poisons {

    private static final Runnable NOTHING = () -> { };

    private static final List<Supplier<Object>> MAKERS = List.of(
            () -> (Runnable) () -> { },
            () -> (Function<Object, String>) Object::toString,
            () -> new Thread(NOTHING, "courier-fuzz-unstarted"),
            ReentrantLock::new,
            () -> new CountDownLatch(1),
            CompletableFuture::new,
            () -> new ByteArrayInputStream(new byte[] {1, 2}),
            () -> new StringReader("text"),
            () -> Stream.of(1, 2),
            () -> List.of(1, 2).iterator(),
            () -> new WeakReference<>("referent"),
            () -> Proxy.newProxyInstance(Poisons.class.getClassLoader(), new Class<?>[] {Runnable.class},
                    (proxy, method, args) -> null),
            ThreadLocal::new);

    /** One poison, a fresh instance per draw; shrinks toward the lambda. */
    static final Gen<Object> ANY = Gen.of("poisons",
            source -> MAKERS.get((int) source.choose(0, MAKERS.size() - 1)).get());

    private Poisons() {
    }
}
