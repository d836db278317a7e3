package dev.courier.fuzz;

import dev.courier.fuzz.internal.CollectionGens;
import dev.courier.fuzz.internal.NumberGens;
import dev.courier.fuzz.internal.TextGens;
import dev.courier.fuzz.internal.Weights;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Entry point for generators: primitives biased to edge values, text over full Unicode, collections, and
 * combinators. Every generator shrinks toward its simplest value (0 or the bound nearest 0, {@code false},
 * "a", the empty collection, the first alternative) with no custom shrinker.
 *
 * <p>Thread contract: all generators returned are stateless and may be shared.
 */
public final class Gens {

    private static final int DEFAULT_MAX_SIZE = 32;

    private Gens() {
    }

    /** A choice between generators, with its weight; see {@link #frequency}. */
    public record Weighted<T>(int weight, Gen<? extends T> gen) {
        /** Validates the weight. */
        public Weighted {
            if (weight < 1) {
                throw new IllegalArgumentException("weighted(" + weight + ", ...): weight must be at least 1");
            }
            Objects.requireNonNull(gen, "gen");
        }
    }

    /** Always {@code value}. */
    public static <T> Gen<T> constant(T value) {
        return Gen.of("constant(" + value + ")", source -> value);
    }

    /** {@code false} or {@code true}; shrinks to {@code false}. */
    public static Gen<Boolean> booleans() {
        return Gen.of("booleans()", source -> source.choose(0, 1) == 1);
    }

    /** Ints in {@code [min, max]}, biased to 0, ±1, ±2, min, max and their neighbours. */
    public static Gen<Integer> ints(int min, int max) {
        return NumberGens.longs(min, max, "ints(" + min + ", " + max + ")").map(Long::intValue)
                .describedAs("ints(" + min + ", " + max + ")");
    }

    /** Any int. */
    public static Gen<Integer> ints() {
        return ints(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Longs in {@code [min, max]}, biased like {@link #ints(int, int)}. */
    public static Gen<Long> longs(long min, long max) {
        return NumberGens.longs(min, max, "longs(" + min + ", " + max + ")");
    }

    /** Any long. */
    public static Gen<Long> longs() {
        return longs(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Any double, biased to 0.0, -0.0, ±1, NaN, ±Infinity, ±MIN_VALUE, ±MAX_VALUE, MIN_NORMAL. */
    public static Gen<Double> doubles() {
        return NumberGens.doubles();
    }

    /** Finite doubles in {@code [min, max]}, biased to the bounds and edge values inside them. */
    public static Gen<Double> doubles(double min, double max) {
        return NumberGens.doubles(min, max);
    }

    /** UTF-16 code units, lone surrogates and NUL included. */
    public static Gen<Character> chars() {
        return TextGens.chars();
    }

    /** Code points {@code 0..0x10FFFF}, surrogate and astral code points included. */
    public static Gen<Integer> codePoints() {
        return TextGens.codePoints();
    }

    /** Strings of up to 32 code points over full Unicode; see {@link #strings(int, int)}. */
    public static Gen<String> strings() {
        return strings(0, DEFAULT_MAX_SIZE);
    }

    /** Strings of {@code minLength..maxLength} code points: mostly ASCII, plus lone surrogates, NUL, astral. */
    public static Gen<String> strings(int minLength, int maxLength) {
        return TextGens.strings(codePoints(), minLength, maxLength);
    }

    /** Strings of {@code minLength..maxLength} code points drawn from {@code codePoints}. */
    public static Gen<String> strings(Gen<Integer> codePoints, int minLength, int maxLength) {
        return TextGens.strings(codePoints, minLength, maxLength);
    }

    /** Lists of up to 32 elements. */
    public static <T> Gen<List<T>> lists(Gen<T> element) {
        return lists(element, 0, DEFAULT_MAX_SIZE);
    }

    /** Lists of {@code minSize..maxSize} elements; shrinks by removing and simplifying elements. */
    public static <T> Gen<List<T>> lists(Gen<T> element, int minSize, int maxSize) {
        return CollectionGens.lists(element, minSize, maxSize);
    }

    /** Sets of {@code minSize..maxSize} distinct elements, in generation order. */
    public static <T> Gen<Set<T>> sets(Gen<T> element, int minSize, int maxSize) {
        return CollectionGens.sets(element, minSize, maxSize);
    }

    /** Maps of up to 32 entries with distinct keys, in generation order. */
    public static <K, V> Gen<Map<K, V>> maps(Gen<K> keys, Gen<V> values) {
        return maps(keys, values, 0, DEFAULT_MAX_SIZE);
    }

    /** Maps of {@code minSize..maxSize} entries with distinct keys, in generation order. */
    public static <K, V> Gen<Map<K, V>> maps(Gen<K> keys, Gen<V> values, int minSize, int maxSize) {
        return CollectionGens.maps(keys, values, minSize, maxSize);
    }

    /** One of {@code values}; shrinks toward the first. */
    @SafeVarargs
    public static <T> Gen<T> elements(T... values) {
        List<T> copy = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            copy.add(values[i]);
        }
        return elements(copy);
    }

    /** One of {@code values} (copied); shrinks toward the first. */
    public static <T> Gen<T> elements(Collection<? extends T> values) {
        List<T> copy = new ArrayList<>(values);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("elements(): needs at least one value");
        }
        return Gen.of("elements" + copy, source -> copy.get((int) source.choose(0, copy.size() - 1)));
    }

    /** A value from one of {@code gens}, chosen uniformly; shrinks toward the first generator. */
    @SafeVarargs
    public static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> copy = new ArrayList<>();
        for (int i = 0; i < gens.length; i++) {
            copy.add(gens[i]);
        }
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("oneOf(): needs at least one generator");
        }
        return Gen.of("oneOf" + copy, source -> source.draw(copy.get((int) source.choose(0, copy.size() - 1))));
    }

    /** A weighted alternative for {@link #frequency}. */
    public static <T> Weighted<T> weighted(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /** A value from one of the weighted generators, chosen in proportion to weight; shrinks toward the first. */
    @SafeVarargs
    public static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        List<Weighted<? extends T>> copy = new ArrayList<>();
        for (int i = 0; i < choices.length; i++) {
            copy.add(choices[i]);
        }
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("frequency(): needs at least one weighted generator");
        }
        Weights weights = Weights.of(copy.stream().mapToInt(Weighted::weight).toArray());
        return Gen.of("frequency" + copy,
                source -> source.draw(copy.get(weights.bucket(source.choose(0, weights.total() - 1))).gen()));
    }

    /** Combines a value from {@code a} and one from {@code b}. */
    public static <A, B, R> Gen<R> combine(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
        Objects.requireNonNull(f, "f");
        return Gen.of("combine(" + a.describe() + ", " + b.describe() + ")",
                source -> f.apply(source.draw(a), source.draw(b)));
    }

    /** Pairs of a value from {@code a} and one from {@code b}. */
    public static <A, B> Gen<Pair<A, B>> pairs(Gen<A> a, Gen<B> b) {
        return combine(a, b, Pair::new).describedAs("pairs(" + a.describe() + ", " + b.describe() + ")");
    }

    /**
     * Recursive structures: at each level either {@code base} (the simpler, shrink-preferred choice) or
     * {@code extend} applied to the next level's generator, down to {@code maxDepth} levels.
     */
    public static <T> Gen<T> recursive(Gen<T> base, Function<Gen<T>, Gen<T>> extend, int maxDepth) {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("recursive(): maxDepth must be >= 0, got " + maxDepth);
        }
        Gen<T> level = base;
        for (int depth = maxDepth - 1; depth >= 0; depth--) {
            Gen<T> deeper = extend.apply(level);
            level = Gen.of("recursive(" + base.describe() + ", depth " + depth + ")",
                    source -> source.flag(0.5) ? source.draw(deeper) : source.draw(base));
        }
        return level;
    }
}
