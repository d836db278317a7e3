package dev.courier.fuzz.internal;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The resolved settings of one run.
 *
 * @param tries          tries to run
 * @param seed           the seed of the random stream (never 0)
 * @param maxShrinkTime  time bound of shrinking
 * @param maxShrinkSteps bound on property runs while shrinking
 * @param timeBudget     time bound of generation, or null for none
 * @param failuresDir    where failures are saved
 * @param key            the property's name in the failures directory, or null to not save
 * @param progressEvery  how often long runs report progress
 * @param replayHint     the source-level way to pin the seed, e.g. "@FuzzTest(seed = %d)"
 */
public record RunSettings(int tries, long seed, Duration maxShrinkTime, int maxShrinkSteps, Duration timeBudget,
                          Path failuresDir, String key, Duration progressEvery,
                          String replayHint) {
}
