package dev.courier.sim;

import java.util.List;

/**
 * Where a driven {@link Simulation} takes its scheduling decisions from, instead of its seed: which of several
 * loops with a step due runs next, and how late a timer fires. Option 0 is always the plain decision (the next
 * loop in round-robin order; a timer on time), so a source that answers 0 everywhere gives the round-robin
 * interleaving, and a source that minimises its answers (a fuzzer's shrinker) minimises the deviations from it.
 *
 * <p>Thread contract: called only by the thread driving the simulation, one decision at a time.
 */
@FunctionalInterface
public interface SchedulingChoices {

    /** A choice in {@code [0, options)}; {@code options} is at least 2. 0 is the plain decision. */
    int choose(int options);

    /**
     * Which of the loops with a step due runs next, as an index into {@code due} (the loops in round-robin order
     * from the one after the loop that ran last: index 0 is the plain decision). By default {@link #choose}.
     */
    default int pickLoop(List<String> due) {
        return choose(due.size());
    }

    /** Round-robin, every timer on time: the plain interleaving. */
    static SchedulingChoices roundRobin() {
        return options -> 0;
    }
}
