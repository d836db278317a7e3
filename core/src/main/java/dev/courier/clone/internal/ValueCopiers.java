package dev.courier.clone.internal;

import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.Date;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Handlers for mutable JDK values copied through their public API: {@code ByteBuffer} (heap or direct,
 * with position, limit, byte order, read-only flag and the whole content; the mark is not kept since it
 * has no accessor), {@code Date} and its JDK subclasses, {@code BitSet}, {@code EnumSet}, atomics, and
 * plain {@code new Object()} markers.
 */
final class ValueCopiers {

    private ValueCopiers() {
    }

    /** The handler for this JDK class, or null. */
    static CopyHandler handlerFor(Class<?> type) {
        if (ByteBuffer.class.isAssignableFrom(type)) {
            return ValueCopiers::copyBuffer;
        }
        if (Date.class.isAssignableFrom(type)) {
            return leaf(value -> ((Date) value).clone(), 24);
        }
        if (type == BitSet.class) {
            return leaf(value -> ((BitSet) value).clone(), 64);
        }
        if (EnumSet.class.isAssignableFrom(type)) {
            return leaf(value -> ((EnumSet<?>) value).clone(), 32);
        }
        if (type == AtomicInteger.class) {
            return leaf(value -> new AtomicInteger(((AtomicInteger) value).get()), 16);
        }
        if (type == AtomicLong.class) {
            return leaf(value -> new AtomicLong(((AtomicLong) value).get()), 24);
        }
        if (type == AtomicBoolean.class) {
            return leaf(value -> new AtomicBoolean(((AtomicBoolean) value).get()), 16);
        }
        if (type == AtomicReference.class) {
            return ValueCopiers::copyAtomicReference;
        }
        return type == Object.class ? leaf(value -> new Object(), 16) : null;
    }

    /** A value with no references inside: copied in one step. */
    private static CopyHandler leaf(java.util.function.UnaryOperator<Object> copier, long bytes) {
        return (original, path, sink, context) -> {
            context.account(path, original, bytes);
            Object copy = copier.apply(original);
            context.register(original, copy);
            sink.accept(copy);
        };
    }

    private static void copyBuffer(Object original, PathNode path, Sink sink, CopyContext context) {
        ByteBuffer source = (ByteBuffer) original;
        int capacity = source.capacity();
        context.account(path, original, 64L + capacity);
        ByteBuffer copy = source.isDirect() ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
        ByteBuffer all = source.duplicate();
        all.clear();
        copy.put(all);
        copy.clear();
        copy.limit(source.limit());
        copy.position(source.position());
        if (source.isReadOnly()) {
            copy = copy.asReadOnlyBuffer();
        }
        copy.order(source.order());
        context.register(original, copy);
        sink.accept(copy);
    }

    private static void copyAtomicReference(Object original, PathNode path, Sink sink, CopyContext context) {
        AtomicReference<Object> copy = new AtomicReference<>();
        context.account(path, original, 16L);
        context.register(original, copy);
        sink.accept(copy);
        context.schedule(((AtomicReference<?>) original).get(), path.field("get()"), copy::set);
    }
}
