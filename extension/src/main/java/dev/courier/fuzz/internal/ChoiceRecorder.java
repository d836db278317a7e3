package dev.courier.fuzz.internal;

import dev.courier.fuzz.Gen;
import dev.courier.fuzz.Gen.ChoiceSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The {@link ChoiceSource} the engine hands to generators: reads a recorded prefix first, then draws from a
 * random stream (or, with no stream, the simplest choice 0), and records every choice as an unsigned offset
 * from its lower bound, together with the spans of nested draws.
 *
 * <p>Thread contract: confined to the thread running one generation; not thread-safe.
 */
public final class ChoiceRecorder implements ChoiceSource {

    /** Guards against generators that never stop drawing. */
    static final int MAX_CHOICES = 200_000;
    private static final int MAX_NESTING = 2_000;

    private final long[] prefix;
    private final SplittableRandom random;
    private long[] recorded = new long[32];
    private int size;
    private int nesting;
    private final List<Span> spans = new ArrayList<>();

    private ChoiceRecorder(long[] prefix, SplittableRandom random) {
        this.prefix = prefix;
        this.random = random;
    }

    /** A recorder that draws every choice from {@code random}. */
    public static ChoiceRecorder random(SplittableRandom random) {
        return new ChoiceRecorder(new long[0], random);
    }

    /** A recorder that replays {@code choices}; choices past their end read as 0. */
    public static ChoiceRecorder replay(long[] choices) {
        return new ChoiceRecorder(choices.clone(), null);
    }

    @Override
    public long choose(long min, long max) {
        return next(min, max, false, 0);
    }

    @Override
    public long chooseBiased(long min, long max, long preferred) {
        return next(min, max, true, Math.max(min, Math.min(max, preferred)));
    }

    private long next(long min, long max, boolean biased, long preferred) {
        if (min > max) {
            throw new IllegalArgumentException("choose(min, max): min " + min + " is greater than max " + max);
        }
        long range = max - min; // unsigned
        long offset;
        if (size < prefix.length) {
            offset = Long.compareUnsigned(prefix[size], range) > 0 ? range : prefix[size];
        } else if (random != null) {
            offset = biased ? preferred - min : randomOffset(range);
        } else {
            offset = 0;
        }
        record(offset);
        return min + offset;
    }

    @Override
    public boolean flag(double probabilityTrue) {
        long value;
        if (size < prefix.length) {
            value = prefix[size] == 0 ? 0 : 1;
        } else if (random != null) {
            value = random.nextDouble() < probabilityTrue ? 1 : 0;
        } else {
            value = 0;
        }
        record(value);
        return value == 1;
    }

    @Override
    public <T> T draw(Gen<T> gen) {
        if (++nesting > MAX_NESTING) {
            throw new IllegalStateException("generators nested more than " + MAX_NESTING
                    + " levels deep at " + gen.describe() + "; is a recursive generator missing a depth limit?");
        }
        int start = size;
        try {
            T value = gen.generate(this);
            if (size > start) {
                spans.add(new Span(start, size));
            }
            return value;
        } finally {
            nesting--;
        }
    }

    /** The choices made, without trailing zeros (they replay identically, as choices past the end). */
    public long[] choices() {
        int end = size;
        while (end > 0 && recorded[end - 1] == 0) {
            end--;
        }
        return Arrays.copyOf(recorded, end);
    }

    /** The spans of nested draws, in the order they completed. */
    public List<Span> spans() {
        return List.copyOf(spans);
    }

    private long randomOffset(long range) {
        if (range == -1L) {
            return random.nextLong();
        }
        if (range >= 0 && range < Long.MAX_VALUE) {
            return random.nextLong(range + 1);
        }
        long candidate;
        do {
            candidate = random.nextLong();
        } while (Long.compareUnsigned(candidate, range) > 0);
        return candidate;
    }

    private void record(long offset) {
        if (size == MAX_CHOICES) {
            throw new IllegalStateException("a generator made more than " + MAX_CHOICES
                    + " choices for one value; bound its sizes or recursion depth");
        }
        if (size == recorded.length) {
            recorded = Arrays.copyOf(recorded, size * 2);
        }
        recorded[size++] = offset;
    }
}
