package dev.courier.sim;

import dev.courier.worker.Scheduler.HostedLoop;
import dev.courier.worker.Scheduler.LoopHost;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The runtime's view of a {@link Simulation}: loops report readiness here and blocking operations run it.
 *
 * <p>Thread contract: {@link #ready} and {@link #cannotBlock} may be called from any thread;
 * {@link #isRunning} and {@link #inStep} answer false on any thread but the driving one; {@link #runUntil}
 * drives the simulation (refused on a second thread while one drives).
 */
final class SimulationHost implements LoopHost {

    private final Simulation simulation;
    private final StepRunner runner;

    SimulationHost(Simulation simulation, StepRunner runner) {
        this.simulation = simulation;
        this.runner = runner;
    }

    @Override
    public void ready(HostedLoop loop) {
        runner.ready(loop);
    }

    @Override
    public boolean isRunning(HostedLoop loop) {
        return Thread.currentThread() == simulation.driver() && runner.isRunning(loop);
    }

    @Override
    public boolean inStep() {
        return Thread.currentThread() == simulation.driver() && runner.inStep();
    }

    @Override
    public boolean runUntil(String operation, BooleanSupplier done, Duration maxAdvance) {
        return simulation.runUntil(operation, done, maxAdvance);
    }

    @Override
    public IllegalStateException cannotBlock(String operation) {
        return new IllegalStateException(operation + " would block, but under " + simulation
                + " nothing else runs while a sender waits, so space could never free up; use OverflowPolicy"
                + " DROP_NEWEST, DROP_OLDEST or FAIL, or a larger capacity");
    }
}
