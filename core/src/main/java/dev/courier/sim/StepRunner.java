package dev.courier.sim;

import dev.courier.worker.Scheduler.HostedLoop;
import java.util.ArrayDeque;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs a simulation's steps: asks the {@link RunQueue} for a loop due at the simulation's current virtual
 * time, runs its step, keeps track of the loops whose steps are in progress (a step may run the simulation
 * again), counts steps and stops a runaway run after its step limit.
 *
 * <p>Thread contract: {@link #ready} may be called from any thread; everything else only by the thread
 * driving the simulation (the simulation lets one drive at a time). A step's effects happen-before the next
 * step.
 */
final class StepRunner {

    private final LongSupplier clock;
    private final Supplier<String> name;
    private final long stepLimit;
    private final RunQueue queue;
    private final ArrayDeque<HostedLoop> inStep = new ArrayDeque<>(); // driving thread only
    private long steps;

    private final Interleaving trace;
    private final IntSupplier mark;

    /**
     * @param clock     the simulation's virtual time
     * @param name      the simulation's description, for the runaway report
     * @param stepLimit steps one run may take without going idle
     */
    StepRunner(LongSupplier clock, Supplier<String> name, long stepLimit, long seed, SchedulingChoices choices,
               Interleaving trace, IntSupplier mark) {
        this.clock = clock;
        this.name = name;
        this.stepLimit = stepLimit;
        this.queue = new RunQueue(seed, choices, trace);
        this.trace = trace;
        this.mark = mark;
    }

    /** The name of the loop whose step is in progress (innermost), or null. */
    String current() {
        HostedLoop loop = inStep.peek();
        return loop == null ? null : loop.name();
    }

    /** Steps run so far. */
    long steps() {
        return steps;
    }

    /** {@code loop} may have a step due. */
    void ready(HostedLoop loop) {
        queue.ready(loop);
    }

    /** Whether {@code loop}'s step is the innermost one in progress. */
    boolean isRunning(HostedLoop loop) {
        return inStep.peek() == loop;
    }

    /** Whether some step is in progress. */
    boolean inStep() {
        return !inStep.isEmpty();
    }

    /** Runs one step due now, chosen by the seed among the loops that have one; false if none is due. */
    boolean runOne() {
        HostedLoop loop = queue.pickDue(clock.getAsLong(), inStep::contains, steps + 1);
        if (loop == null) {
            return false;
        }
        inStep.push(loop);
        steps++;
        int index = trace == null ? -1 : trace.step(loop.name(), mark.getAsInt());
        try {
            loop.runStep();
        } finally {
            inStep.pop();
            if (trace != null) {
                trace.ended(index, mark.getAsInt());
            }
        }
        return true;
    }

    /** Runs steps due now until none is left, counting from {@code since} for the runaway limit. */
    void runDue(long since) {
        while (runOne()) {
            checkLimit(since, "run");
        }
    }

    void checkLimit(long since, String operation) {
        if (steps - since >= stepLimit) {
            throw new IllegalStateException(name.get() + ": " + operation + " ran " + stepLimit
                    + " steps without going idle; something reschedules itself at the same instant. Loops with work: "
                    + queue.names());
        }
    }

    /** When the next step is due; {@link Long#MAX_VALUE} if nothing is pending. */
    long nextDue() {
        return queue.nextDueAt(clock.getAsLong(), inStep::contains);
    }
}
