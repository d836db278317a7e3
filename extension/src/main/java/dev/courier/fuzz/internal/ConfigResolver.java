package dev.courier.fuzz.internal;

import dev.courier.fuzz.FuzzConfig;
import dev.courier.history.internal.DurationText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** Merges a property's declared settings with configuration ({@link FuzzConfig} keys); configuration wins. */
public final class ConfigResolver {

    /** How often long runs report progress. */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    private ConfigResolver() {
    }

    /**
     * Resolves the settings of one run.
     *
     * @param lookup        configuration lookup by key
     * @param tries         declared tries
     * @param seed          declared seed, 0 for random
     * @param timeBudget    declared time budget, or null
     * @param failuresDir   declared failures directory, or null for configuration / default
     */
    public static RunSettings resolve(Function<String, Optional<String>> lookup, int tries, long seed,
                                      Duration maxShrinkTime, int maxShrinkSteps, Duration timeBudget,
                                      Path failuresDir, String key, String replayHint) {
        int resolvedTries = lookup.apply(FuzzConfig.TRIES).map(v -> parseTries(FuzzConfig.TRIES, v)).orElse(tries);
        long resolvedSeed = lookup.apply(FuzzConfig.SEED).map(ConfigResolver::parseSeed).orElse(seed);
        if (resolvedSeed == 0) {
            resolvedSeed = randomSeed();
        }
        Duration budget = lookup.apply(FuzzConfig.TIME_BUDGET)
                .map(v -> DurationText.parse(FuzzConfig.TIME_BUDGET, v)).orElse(timeBudget);
        Path dir = failuresDir != null ? failuresDir
                : Path.of(lookup.apply(FuzzConfig.FAILURES_DIR).orElse(FuzzConfig.DEFAULT_FAILURES_DIR));
        return new RunSettings(resolvedTries, resolvedSeed, maxShrinkTime, maxShrinkSteps, budget, dir, key,
                PROGRESS_EVERY, replayHint);
    }

    /** Parses a positive tries count, naming {@code where} it came from when it is not one. */
    public static int parseTries(String where, String text) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(where + " must be a positive integer, got '" + text + "'");
    }

    private static long parseSeed(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(FuzzConfig.SEED + " must be a long, got '" + text + "'", e);
        }
    }

    private static long randomSeed() {
        long seed;
        do {
            seed = ThreadLocalRandom.current().nextLong();
        } while (seed == 0);
        return seed;
    }
}
