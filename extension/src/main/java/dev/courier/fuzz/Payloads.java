package dev.courier.fuzz;

import dev.courier.fuzz.internal.GraphGen;
import dev.courier.fuzz.internal.PoisonGen;
import dev.courier.fuzz.internal.TypeGens;
import java.util.Objects;

/**
 * Generators of message payloads for testing what crosses a port.
 *
 * <p>{@link #cloneable()} builds object graphs over every kind the structured clone supports, with cycles
 * and aliasing; {@link #nonCloneable()} buries one non-cloneable value in such a graph and knows its path;
 * {@link #of(Class)} generates a user's own records and classes. All of them shrink through the choice
 * sequence, like every {@link Gen}.
 *
 * <p>Thread contract: the generators are stateless and may be shared between threads.
 */
public final class Payloads {

    private Payloads() {
    }

    /**
     * Object graphs the structured clone accepts: immutables with edge values (lone surrogates, NaN,
     * {@code -0.0}, {@code Long.MIN_VALUE}...), JDK collections, maps, arrays, wrappers, {@code Optional},
     * {@code Date}, {@code BitSet}, the sample records and the sample class; empty and (rarely) large
     * collections; cycles through mutable containers and mutable objects reachable twice. Depth and size are
     * bounded (at most a few thousand elements).
     */
    public static Gen<Object> cloneable() {
        return GraphGen.cloneable();
    }

    /**
     * Graphs like {@link #cloneable()} with one value the structured clone rejects (a lambda, an unstarted
     * thread, a lock, a stream, an iterator, a weak reference, a dynamic proxy, a future...) buried one to
     * four levels deep inside lists, arrays, maps with string keys, the sample class or a sample record, at a
     * path known exactly.
     */
    public static Gen<PoisonedPayload> nonCloneable() {
        return PoisonGen.nonCloneable();
    }

    /**
     * Values of a user's record (through its canonical constructor) or plain class (created without a
     * constructor, fields set reflectively), with every component or field generated from its declared type:
     * primitives and boxes, {@code String}, {@code BigInteger}, {@code BigDecimal}, {@code UUID}, common
     * {@code java.time} types, enums, {@code List}, {@code Set}, {@code Map}, {@code Optional}, arrays,
     * {@code Object} (a {@link #cloneable()} graph), and further user records and classes (nested references
     * become null past a small depth).
     *
     * @throws IllegalArgumentException naming the component or field and its type, if some type cannot be
     *                                  generated, or if {@code type} is a JDK, abstract or otherwise
     *                                  unsupported class
     */
    public static <T> Gen<T> of(Class<T> type) {
        return TypeGens.of(Objects.requireNonNull(type, "type"));
    }

    /** Provider of {@link #cloneable()} for {@code @From(Payloads.Cloneable.class)}. */
    public static final class Cloneable implements GenProvider<Object> {
        /** Creates the provider. */
        public Cloneable() {
        }

        @Override
        public Gen<Object> get() {
            return cloneable();
        }
    }

    /** Provider of {@link #nonCloneable()} for {@code @From(Payloads.NonCloneable.class)}. */
    public static final class NonCloneable implements GenProvider<PoisonedPayload> {
        /** Creates the provider. */
        public NonCloneable() {
        }

        @Override
        public Gen<PoisonedPayload> get() {
            return nonCloneable();
        }
    }
}
