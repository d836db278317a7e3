package dev.courier.sim;

import dev.courier.worker.Scheduler.HostedLoop;
import java.util.ArrayDeque;
import java.util.function.IntSupplier;

/**
 * Runs a {@link Simulation}'s steps: asks the {@link RunQueue} for a loop due at the simulation's current
 * virtual time, runs its step, keeps track of the loops whose steps are in progress (a step may run the
 * simulation again), counts steps and stops a runaway run after {@link Simulation#STEP_LIMIT} of them.
 *
 * <p>Thread contract: {@link #ready} may be called from any thread; everything else only by the thread
 * driving the simulation (the simulation lets one drive at a time). A step's effects happen-before the next
 * step.
 */
final class StepRunner {

    private final Simulation simulation;
    private final RunQueue queue;
    private final ArrayDeque<HostedLoop> inStep = new ArrayDeque<>(); // driving thread only
    private long steps;

    private final Interleaving trace;
    private final IntSupplier mark;

    StepRunner(Simulation simulation, long seed, SchedulingChoices choices, Interleaving trace,
               IntSupplier mark) {
        this.simulation = simulation;
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
        HostedLoop loop = queue.pickDue(simulation.nanoTime(), inStep::contains, steps + 1);
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
        if (steps - since >= Simulation.STEP_LIMIT) {
            throw new IllegalStateException(simulation + ": " + operation + " ran " + Simulation.STEP_LIMIT
                    + " steps without going idle; something reschedules itself at the same instant. Loops with work: "
                    + queue.names());
        }
    }

    /** When the next step is due; {@link Long#MAX_VALUE} if nothing is pending. */
    long nextDue() {
        return queue.nextDueAt(simulation.nanoTime(), inStep::contains);
    }
}
