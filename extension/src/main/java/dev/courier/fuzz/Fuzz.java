package dev.courier.fuzz;

import dev.courier.fuzz.internal.ConfigResolver;
import dev.courier.fuzz.internal.FuzzRunner;
import dev.courier.fuzz.internal.Pretty;
import dev.courier.history.internal.DurationText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Programmatic property checks: {@code Fuzz.forAll(gen).tries(500).check(value -> ...)}.
 *
 * <p>Every option returns a new instance (the builder is immutable and may be shared). {@link #check} runs the
 * property on the calling thread and throws {@link FuzzFailure} with the shrunk counterexample when it fails.
 * System properties named in {@link FuzzConfig} override the options. Failures are saved and replayed first
 * only for properties given a {@link #named name}.
 *
 * @param <T> the type of generated values
 */
public final class Fuzz<T> {

    private final Gen<T> gen;
    private final int tries;
    private final long seed;
    private final Duration maxShrinkTime;
    private final int maxShrinkSteps;
    private final Duration timeBudget;
    private final String name;
    private final Path failuresDirectory;
    private final Consumer<String> reportTo;

    private Fuzz(Gen<T> gen, int tries, long seed, Duration maxShrinkTime, int maxShrinkSteps, Duration timeBudget,
                 String name, Path failuresDirectory, Consumer<String> reportTo) {
        this.gen = gen;
        this.tries = tries;
        this.seed = seed;
        this.maxShrinkTime = maxShrinkTime;
        this.maxShrinkSteps = maxShrinkSteps;
        this.timeBudget = timeBudget;
        this.name = name;
        this.failuresDirectory = failuresDirectory;
        this.reportTo = reportTo;
    }

    /** A check of values from {@code gen}, with default options. */
    public static <T> Fuzz<T> forAll(Gen<T> gen) {
        return new Fuzz<>(Objects.requireNonNull(gen, "gen"), FuzzConfig.DEFAULT_TRIES, 0,
                Duration.parse(FuzzConfig.DEFAULT_MAX_SHRINK_TIME), FuzzConfig.DEFAULT_MAX_SHRINK_STEPS, null, null,
                null, line -> System.out.println("[courier.fuzz] " + line));
    }

    /** A check of pairs of values from {@code a} and {@code b}. */
    public static <A, B> BiFuzz<A, B> forAll(Gen<A> a, Gen<B> b) {
        return new BiFuzz<>(forAll(Gens.pairs(a, b)));
    }

    /** Runs {@code tries} tries (default 100). */
    public Fuzz<T> tries(int tries) {
        return new Fuzz<>(gen, ConfigResolver.parseTries("tries", String.valueOf(tries)), seed, maxShrinkTime,
                maxShrinkSteps, timeBudget, name, failuresDirectory, reportTo);
    }

    /** Generates from {@code seed}; 0 (the default) picks a random seed, reported with the result. */
    public Fuzz<T> seed(long seed) {
        return new Fuzz<>(gen, tries, seed, maxShrinkTime, maxShrinkSteps, timeBudget, name, failuresDirectory,
                reportTo);
    }

    /** Bounds the time spent shrinking a failure (default 10 s). */
    public Fuzz<T> maxShrinkTime(Duration maxShrinkTime) {
        return new Fuzz<>(gen, tries, seed, DurationText.requirePositive("maxShrinkTime", maxShrinkTime), maxShrinkSteps, timeBudget,
                name, failuresDirectory, reportTo);
    }

    /** Bounds the property runs spent shrinking a failure (default 2,000). */
    public Fuzz<T> maxShrinkSteps(int maxShrinkSteps) {
        if (maxShrinkSteps < 0) {
            throw new IllegalArgumentException("maxShrinkSteps must be >= 0, got " + maxShrinkSteps);
        }
        return new Fuzz<>(gen, tries, seed, maxShrinkTime, maxShrinkSteps, timeBudget, name, failuresDirectory,
                reportTo);
    }

    /** Stops generating once {@code timeBudget} is spent, reporting the tries done (default: no budget). */
    public Fuzz<T> timeBudget(Duration timeBudget) {
        return new Fuzz<>(gen, tries, seed, maxShrinkTime, maxShrinkSteps, DurationText.requirePositive("timeBudget", timeBudget), name,
                failuresDirectory, reportTo);
    }

    /** Names the property, so its failures are saved under this name and replayed first on later runs. */
    public Fuzz<T> named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("named(): the name must not be blank");
        }
        return new Fuzz<>(gen, tries, seed, maxShrinkTime, maxShrinkSteps, timeBudget, name, failuresDirectory,
                reportTo);
    }

    /** Saves failures of {@link #named named} properties in {@code directory} instead of the configured one. */
    public Fuzz<T> failuresDirectory(Path directory) {
        return new Fuzz<>(gen, tries, seed, maxShrinkTime, maxShrinkSteps, timeBudget, name,
                Objects.requireNonNull(directory, "directory"), reportTo);
    }

    /** Sends the seed, progress and result lines to {@code sink} (default: standard output). */
    public Fuzz<T> reportTo(Consumer<String> sink) {
        return new Fuzz<>(gen, tries, seed, maxShrinkTime, maxShrinkSteps, timeBudget, name, failuresDirectory,
                Objects.requireNonNull(sink, "sink"));
    }

    /**
     * Checks the property on generated values.
     *
     * @throws FuzzFailure                if the property throws for some value
     * @throws TooManyRejectionsException if the generator cannot produce values
     */
    public void check(ThrowingConsumer<? super T> property) {
        Objects.requireNonNull(property, "property");
        var settings = ConfigResolver.resolve(key -> Optional.ofNullable(System.getProperty(key)), tries, seed,
                maxShrinkTime, maxShrinkSteps, timeBudget, failuresDirectory, name, ".seed(%dL)");
        new FuzzRunner<>(gen, property, settings, Pretty::print,
                (key, value) -> reportTo.accept(key + ": " + value)).run();
    }

    /**
     * A property over two generated values: {@code Fuzz.forAll(a, b).check((x, y) -> ...)}. Options behave as on
     * {@link Fuzz}; every option returns a new instance (immutable, may be shared).
     *
     * @param <A> the first value's type
     * @param <B> the second value's type
     */
    public static final class BiFuzz<A, B> {

        /** A property over two values that may throw anything. */
        @FunctionalInterface
        public interface Property<A, B> {
            /** Checks the values; throws to fail. */
            void check(A first, B second) throws Throwable;
        }

        private final Fuzz<Pair<A, B>> pairs;

        private BiFuzz(Fuzz<Pair<A, B>> pairs) {
            this.pairs = pairs;
        }

        /** See {@link Fuzz#tries}. */
        public BiFuzz<A, B> tries(int tries) {
            return new BiFuzz<>(pairs.tries(tries));
        }

        /** See {@link Fuzz#seed}. */
        public BiFuzz<A, B> seed(long seed) {
            return new BiFuzz<>(pairs.seed(seed));
        }

        /** See {@link Fuzz#maxShrinkTime}. */
        public BiFuzz<A, B> maxShrinkTime(Duration maxShrinkTime) {
            return new BiFuzz<>(pairs.maxShrinkTime(maxShrinkTime));
        }

        /** See {@link Fuzz#named}. */
        public BiFuzz<A, B> named(String name) {
            return new BiFuzz<>(pairs.named(name));
        }

        /** Checks the property on generated pairs; see {@link Fuzz#check}. */
        public void check(Property<? super A, ? super B> property) {
            Objects.requireNonNull(property, "property");
            pairs.check(pair -> property.check(pair.first(), pair.second()));
        }
    }
}
