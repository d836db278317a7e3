package dev.courier.sim;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Systematic exploration of a small program's interleavings, for orders random tries rarely hit. The program
 * gets a fresh {@link Simulation#driven driven} simulation per run, starts its workers on it and checks what it
 * expects (throwing when it does not hold); the exploration runs it once per interleaving and stops at the
 * first failure.
 *
 * <ul>
 *   <li>{@link #exhaustive(int, int)}: every interleaving with at most {@code maxDeviations} deviations from
 *   round-robin order (a loop run out of turn, a timer fired late), depth first, the plain order first; at most
 *   {@code maxRuns} runs. A bound of deviations keeps the count polynomial, and most ordering bugs need one or two.
 *   <li>{@link #pct(int, int, long)}: probabilistic concurrency testing: each run gives the loops random
 *   priorities, always runs the highest-priority loop due, and lowers the running loop's priority at
 *   {@code depth - 1} random decision points; a bug of depth {@code d} is found in each run with probability at
 *   least 1/(n·k^(d-1)) for n loops and k decisions.
 * </ul>
 *
 * <pre>{@code
 * Exploration.Result result = Exploration.exhaustive(2, 10_000).explore(sim -> {
 *     ... start workers with WorkerOptions.defaults().scheduler(sim), sim.runUntilIdle(), check ...
 * });
 * result.explored();   // how many interleavings were run
 * }</pre>
 *
 * <p>Thread contract: immutable; {@link #explore} runs the program on the calling thread.
 */
public final class Exploration {

    /**
     * The outcome of an exploration.
     *
     * @param explored     interleavings run
     * @param complete     whether every interleaving within the bound was run (always false for PCT)
     * @param interleaving the failing interleaving, or null when none failed
     * @param failure      what the program threw on it, or null
     */
    public record Result(int explored, boolean complete, Interleaving interleaving, Throwable failure) {

        /** Whether some interleaving failed. */
        public boolean failed() {
            return failure != null;
        }
    }

    private final boolean exhaustive;
    private final int bound;
    private final int runs;
    private final long seed;
    private final Duration lateness;

    private Exploration(boolean exhaustive, int bound, int runs, long seed, Duration lateness) {
        this.exhaustive = exhaustive;
        this.bound = bound;
        this.runs = runs;
        this.seed = seed;
        this.lateness = lateness;
    }

    /** Every interleaving with at most {@code maxDeviations} deviations from round-robin, up to {@code maxRuns}. */
    public static Exploration exhaustive(int maxDeviations, int maxRuns) {
        positive("maxRuns", maxRuns);
        if (maxDeviations < 0) {
            throw new IllegalArgumentException("maxDeviations must be 0 or more, was " + maxDeviations);
        }
        return new Exploration(true, maxDeviations, maxRuns, 0L, Duration.ZERO);
    }

    /** {@code runs} PCT runs of priority-change depth {@code depth} (1: no change), seeded by {@code seed}. */
    public static Exploration pct(int depth, int runs, long seed) {
        positive("depth", depth);
        positive("runs", runs);
        return new Exploration(false, depth, runs, seed, Duration.ZERO);
    }

    /** Also lets timers fire up to {@code max} late (each lateness counts as a deviation); default zero. */
    public Exploration timerLateness(Duration max) {
        Objects.requireNonNull(max, "max");
        return new Exploration(exhaustive, bound, runs, seed, max);
    }

    /** Runs {@code program} once per interleaving until one fails or the bound is reached. */
    public Result explore(Consumer<Simulation> program) {
        Objects.requireNonNull(program, "program");
        return exhaustive ? exhaustively(program) : withPriorities(program);
    }

    private Result exhaustively(Consumer<Simulation> program) {
        long[] prefix = new long[0];
        for (int explored = 1; ; explored++) {
            Prefixed choices = new Prefixed(prefix);
            Simulation sim = Simulation.driven(choices, lateness);
            Throwable failure = run(program, sim);
            if (failure != null) {
                return new Result(explored, false, sim.interleaving().orElseThrow(), failure);
            }
            prefix = choices.next(bound);
            if (prefix == null || explored == runs) {
                return new Result(explored, prefix == null, null, null);
            }
        }
    }

    private Result withPriorities(Consumer<Simulation> program) {
        SplittableRandom random = new SplittableRandom(seed);
        Prefixed probe = new Prefixed(new long[0]);
        run(program, Simulation.driven(probe, lateness));
        int decisions = Math.max(1, probe.size);
        for (int explored = 1; explored <= runs; explored++) {
            Simulation sim = Simulation.driven(new Priorities(random.split(), bound, decisions), lateness);
            Throwable failure = run(program, sim);
            if (failure != null) {
                return new Result(explored, false, sim.interleaving().orElseThrow(), failure);
            }
        }
        return new Result(runs, false, null, null);
    }

    private static Throwable run(Consumer<Simulation> program, Simulation sim) {
        try {
            program.accept(sim);
            return null;
        } catch (OutOfMemoryError e) {
            throw e;
        } catch (Throwable failure) {
            return failure;
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be 1 or more, was " + value);
        }
    }

    /** Follows a prefix of choices, then 0; remembers what it chose and among how many. */
    private static final class Prefixed implements SchedulingChoices {
        private final long[] prefix;
        private long[] taken = new long[16];
        private long[] options = new long[16];
        private int size;

        Prefixed(long[] prefix) {
            this.prefix = prefix;
        }

        @Override
        public int choose(int count) {
            int choice = size < prefix.length ? (int) Math.min(prefix[size], count - 1) : 0;
            if (size == taken.length) {
                taken = Arrays.copyOf(taken, size * 2);
                options = Arrays.copyOf(options, size * 2);
            }
            taken[size] = choice;
            options[size++] = count;
            return choice;
        }

        /** The next prefix in depth-first order within {@code maxDeviations}, or null when all were run. */
        long[] next(int maxDeviations) {
            for (int i = size - 1; i >= 0; i--) {
                if (taken[i] + 1 >= options[i]) {
                    continue;
                }
                int deviations = taken[i] == 0 ? 1 : 0;
                for (int j = 0; j <= i; j++) {
                    deviations += taken[j] != 0 ? 1 : 0;
                }
                if (deviations <= maxDeviations) {
                    long[] next = Arrays.copyOf(taken, i + 1);
                    next[i]++;
                    return next;
                }
            }
            return null;
        }
    }

    /** PCT: random distinct loop priorities, the highest due runs, the runner demoted at change points. */
    private static final class Priorities implements SchedulingChoices {
        private final SplittableRandom random;
        private final Map<String, Double> priorities = new HashMap<>();
        private final long[] changeAt;
        private int decision;
        private int changes;

        Priorities(SplittableRandom random, int depth, int decisions) {
            this.random = random;
            this.changeAt = new long[depth - 1];
            for (int i = 0; i < changeAt.length; i++) {
                changeAt[i] = 1 + random.nextInt(decisions);
            }
            Arrays.sort(changeAt);
        }

        @Override
        public int choose(int options) {
            return 0;
        }

        @Override
        public int pickLoop(List<String> due) {
            decision++;
            int best = 0;
            for (int i = 0; i < due.size(); i++) {
                if (priority(due.get(i)) > priority(due.get(best))) {
                    best = i;
                }
            }
            while (changes < changeAt.length && changeAt[changes] <= decision) {
                changes++;
                priorities.put(due.get(best), -changes - 0.0); // below every initial priority, later ones lower
                best = 0;
                for (int i = 0; i < due.size(); i++) {
                    if (priority(due.get(i)) > priority(due.get(best))) {
                        best = i;
                    }
                }
            }
            return best;
        }

        private double priority(String loop) {
            return priorities.computeIfAbsent(loop, name -> random.nextDouble());
        }
    }
}
