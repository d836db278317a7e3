package dev.courier.fuzz.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Greedy shrinking of a failing choice sequence. Every candidate is strictly smaller in shortlex order and is
 * kept only if the property still fails with the same exception class, so shrinking always terminates and is
 * deterministic for a deterministic property (unless the time bound cuts it short).
 *
 * <p>Passes, repeated until none improves: delete recorded spans (whole values, with or without the choice
 * just before them), delete blocks of 8, 4, 2, 1
 * choices, zero blocks, minimize single choices by binary search, move value between nearby choices, and
 * sort adjacent equal-length spans.
 *
 * <p>Thread contract: single-threaded; runs the property on the calling thread.
 */
final class Shrinker {

    private static final int[] BLOCK_SIZES = {8, 4, 2, 1};
    private static final int REDISTRIBUTE_WINDOW = 8;

    private final Function<long[], Attempt> runner;
    private final int maxRuns;
    private final long deadlineNanos;
    private final LongSupplier clock;
    private final Runnable onRun;
    private final Set<ChoiceSequences.Key> seen = new HashSet<>();
    private Attempt best;
    private int runs;
    private int improvements;

    Shrinker(Function<long[], Attempt> runner, Attempt failing, int maxRuns, long deadlineNanos,
             LongSupplier clock, Runnable onRun) {
        this.runner = runner;
        this.best = failing;
        this.maxRuns = maxRuns;
        this.deadlineNanos = deadlineNanos;
        this.clock = clock;
        this.onRun = onRun;
    }

    Attempt shrink() {
        boolean improved = true;
        while (improved && !exhausted()) {
            improved = deleteSpans();
            improved |= deleteBlocks();
            improved |= zeroBlocks();
            improved |= minimizeChoices();
            improved |= redistribute();
            improved |= sortSpans();
        }
        return best;
    }

    int runs() {
        return runs;
    }

    int improvements() {
        return improvements;
    }

    private boolean exhausted() {
        return runs >= maxRuns || clock.getAsLong() - deadlineNanos >= 0;
    }

    /** Runs the candidate if it is new and smaller; adopts it if it still fails the same way. */
    private boolean consider(long[] candidate) {
        if (exhausted() || ChoiceSequences.compare(candidate, best.choices()) >= 0
                || !seen.add(new ChoiceSequences.Key(candidate))) {
            return false;
        }
        runs++;
        onRun.run();
        Attempt attempt = runner.apply(candidate);
        if (attempt == null || !attempt.failed()
                || kind(attempt.failure()) != kind(best.failure())
                || ChoiceSequences.compare(attempt.choices(), best.choices()) >= 0) {
            return false;
        }
        best = attempt;
        improvements++;
        return true;
    }

    private boolean deleteSpans() {
        boolean improved = false;
        int i = 0;
        while (!exhausted()) {
            List<Span> spans = spansLargestFirst();
            if (i >= spans.size()) {
                break;
            }
            Span span = spans.get(i);
            long[] choices = best.choices();
            // also try with the choice before the span: often the "one more?" flag that introduced it
            if (consider(ChoiceSequences.delete(choices, span.start(), span.end()))
                    || span.start() > 0 && consider(ChoiceSequences.delete(choices, span.start() - 1, span.end()))) {
                improved = true;
            } else {
                i++;
            }
        }
        return improved;
    }

    private List<Span> spansLargestFirst() {
        int length = best.choices().length;
        List<Span> spans = new ArrayList<>();
        for (Span span : best.spans()) {
            if (span.start() < length) {
                spans.add(new Span(span.start(), Math.min(span.end(), length)));
            }
        }
        spans.sort(Comparator.comparingInt(Span::length).reversed()
                .thenComparing(Comparator.comparingInt(Span::start).reversed()));
        return spans;
    }

    private boolean deleteBlocks() {
        boolean improved = false;
        for (int size : BLOCK_SIZES) {
            for (int i = best.choices().length - size; i >= 0 && !exhausted(); i--) {
                if (consider(ChoiceSequences.delete(best.choices(), i, i + size))) {
                    improved = true;
                    i = Math.min(i + 1, best.choices().length - size + 1);
                }
            }
        }
        return improved;
    }

    private boolean zeroBlocks() {
        boolean improved = false;
        for (int size : BLOCK_SIZES) {
            for (int i = 0; i + size <= best.choices().length && !exhausted(); i++) {
                improved |= consider(ChoiceSequences.zero(best.choices(), i, i + size));
            }
        }
        return improved;
    }

    private boolean minimizeChoices() {
        boolean improved = false;
        for (int i = 0; i < best.choices().length && !exhausted(); i++) {
            improved |= minimizeAt(i);
        }
        return improved;
    }

    /** Binary search for the smallest value at {@code index} that still fails (unsigned). */
    private boolean minimizeAt(int index) {
        long current = best.choices()[index];
        if (current == 0) {
            return false;
        }
        if (consider(ChoiceSequences.with(best.choices(), index, 0))) {
            return true;
        }
        boolean improved = false;
        long low = 0;
        long high = current;
        while (Long.compareUnsigned(high - low, 1) > 0 && !exhausted()) {
            long mid = low + ((high - low) >>> 1);
            long[] choices = best.choices();
            if (index >= choices.length || choices[index] != high) {
                break; // the structure changed under us; the next round looks again
            }
            if (consider(ChoiceSequences.with(choices, index, mid))) {
                improved = true;
                high = mid;
            } else {
                low = mid;
            }
        }
        return improved;
    }

    /** Moves value from a choice to a later one nearby, e.g. [200, 800] to [0, 1000] for "sum >= 1000". */
    private boolean redistribute() {
        boolean improved = false;
        for (int i = 0; i < best.choices().length && !exhausted(); i++) {
            for (int j = i + 1; j <= i + REDISTRIBUTE_WINDOW && j < best.choices().length && !exhausted(); j++) {
                long[] s = best.choices();
                long moved = s[i];
                if (moved == 0 || Long.compareUnsigned(s[j] + moved, s[j]) < 0) {
                    continue;
                }
                long[] candidate = ChoiceSequences.with(s, i, 0);
                candidate[j] = s[j] + moved;
                improved |= consider(candidate);
            }
        }
        return improved;
    }

    private boolean sortSpans() {
        boolean improved = false;
        for (Span span : spansLargestFirst()) {
            long[] s = best.choices();
            int len = span.length();
            if (exhausted() || span.end() + len > s.length) {
                continue;
            }
            boolean nextIsSibling = best.spans().contains(new Span(span.end(), span.end() + len));
            if (nextIsSibling && ChoiceSequences.blockGreaterThanNext(s, span.start(), len)) {
                improved |= consider(ChoiceSequences.swap(s, span.start(), len));
            }
        }
        return improved;
    }

    // A failure under a driven simulation is judged by what the property threw, not by its wrapper.
    private static Class<?> kind(Throwable failure) {
        return failure instanceof InterleavedFailure wrapped && wrapped.getCause() != null
                ? wrapped.getCause().getClass() : failure.getClass();
    }
}
