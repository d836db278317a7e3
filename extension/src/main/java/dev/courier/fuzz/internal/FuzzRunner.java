package dev.courier.fuzz.internal;

import dev.courier.fuzz.FuzzFailure;
import dev.courier.fuzz.Gen;
import java.io.IOException;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.opentest4j.TestAbortedException;

/**
 * Runs one property: replays its saved failure first, then generates tries from the seed; on failure shrinks
 * the choice sequence, saves it and throws a {@link FuzzFailure}. A try whose property aborts (a failed JUnit
 * assumption) is counted as discarded, not as a failure.
 *
 * <p>Thread contract: single-use and single-threaded; generation and the property run on the calling thread.
 *
 * @param <T> the type of generated values
 */
public final class FuzzRunner<T> {

    private final Gen<T> gen;
    private final ThrowingConsumer<? super T> property;
    private final RunSettings settings;
    private final Function<? super T, String> printer;
    private final RunReporter reporter;
    private final FailureStore store;
    private int discarded;
    private Shrinker shrinker;
    private long nextProgressNanos;

    /** Prepares a run; {@link #run()} executes it. */
    public FuzzRunner(Gen<T> gen, ThrowingConsumer<? super T> property, RunSettings settings,
                      Function<? super T, String> printer, RunReporter reporter) {
        this.gen = gen;
        this.property = property;
        this.settings = settings;
        this.printer = printer;
        this.reporter = reporter;
        this.store = new FailureStore(settings.failuresDir());
    }

    /** Runs the property; returns the number of tries done if it held, throws {@link FuzzFailure} if not. */
    public int run() {
        long seed = settings.seed();
        reporter.report("courier.fuzz.seed", String.valueOf(seed));
        long startNanos = System.nanoTime();
        nextProgressNanos = startNanos + settings.progressEvery().toNanos();
        replaySavedFailure();
        SplittableRandom random = new SplittableRandom(seed);
        int done = 0;
        while (done < settings.tries()) {
            if (settings.timeBudget() != null && System.nanoTime() - startNanos > settings.timeBudget().toNanos()) {
                reporter.report("courier.fuzz.note", "time budget " + settings.timeBudget() + " used up after "
                        + done + " of " + settings.tries() + " tries");
                break;
            }
            Attempt attempt = runOnce(ChoiceRecorder.random(random.split()));
            done++;
            if (attempt.failed()) {
                throw fail(attempt, seed, done, null);
            }
            int triesDone = done;
            progress(() -> "tries " + triesDone + " of " + settings.tries() + ", shrink steps 0");
        }
        reporter.report("courier.fuzz.result", "passed " + done + " tries"
                + (discarded > 0 ? " (" + discarded + " discarded by assumptions)" : "") + " with seed " + seed);
        return done;
    }

    private void replaySavedFailure() {
        if (settings.key() == null) {
            return;
        }
        Optional<FailureStore.Saved> saved = store.load(settings.key());
        if (saved.isEmpty()) {
            return;
        }
        Attempt attempt = replay(saved.get().choices());
        if (attempt != null && attempt.failed()) {
            throw fail(attempt, saved.get().seed(), 0, saved.get().file().toString());
        }
        try {
            store.delete(saved.get());
            reporter.report("courier.fuzz.note", "saved failure " + saved.get().file() + " passes now; deleted");
        } catch (IOException e) {
            reporter.report("courier.fuzz.note", "saved failure " + saved.get().file()
                    + " passes now but could not be deleted: " + e);
        }
    }

    private Attempt runOnce(ChoiceRecorder recorder) {
        T value = gen.generate(recorder);
        Throwable failure = null;
        try {
            property.accept(value);
        } catch (TestAbortedException e) {
            discarded++;
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Throwable t) {
            failure = t;
        }
        return new Attempt(recorder.choices(), recorder.spans(), failure);
    }

    /** Replays choices; null when they no longer generate a value (the generator threw). */
    private Attempt replay(long[] choices) {
        try {
            return runOnce(ChoiceRecorder.replay(choices));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private FuzzFailure fail(Attempt original, long seed, int tries, String savedFile) {
        long deadline = System.nanoTime() + settings.maxShrinkTime().toNanos();
        shrinker = new Shrinker(this::replay, original, settings.maxShrinkSteps(), deadline, System::nanoTime,
                () -> progress(() -> "shrinking: " + shrinker.runs() + " runs, " + shrinker.improvements()
                        + " shrink steps"));
        Attempt minimal = shrinker.shrink();
        String saveNote = save(minimal, seed);
        reporter.report("courier.fuzz.result", "failed with seed " + seed + " after " + tries + " tries, "
                + shrinker.improvements() + " shrink steps");
        Throwable failure = minimal.failure();
        String interleaving = null;
        if (failure instanceof InterleavedFailure interleaved) {
            interleaving = interleaved.steps();
            failure = interleaved.getCause();
        }
        return new FailureReport(settings.replayHint(), seed, tries, shrinker.improvements(), shrinker.runs(),
                savedFile, saveNote).toFailure(print(minimal.choices()), print(original.choices()), interleaving,
                failure);
    }

    private String save(Attempt minimal, long seed) {
        if (settings.key() == null) {
            return null;
        }
        try {
            store.save(settings.key(), seed, minimal.choices());
            return "saved to " + store.fileFor(settings.key()) + " (replayed first until it passes)";
        } catch (IOException | RuntimeException e) {
            return "could not be saved to " + store.fileFor(settings.key()) + ": " + e;
        }
    }

    private String print(long[] choices) {
        try {
            return printer.apply(gen.generate(ChoiceRecorder.replay(choices)));
        } catch (RuntimeException e) {
            return "<could not regenerate: " + e + ">";
        }
    }

    private void progress(Supplier<String> message) {
        long now = System.nanoTime();
        if (now - nextProgressNanos >= 0) {
            nextProgressNanos = now + settings.progressEvery().toNanos();
            reporter.report("courier.fuzz.progress", message.get());
        }
    }
}
