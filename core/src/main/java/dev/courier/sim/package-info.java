/**
 * Deterministic simulation behind the runtime's {@link dev.courier.worker.Scheduler} seam.
 * {@link dev.courier.sim.Simulation} runs every worker, dispatcher and channel as seeded steps on one thread and
 * a virtual clock: no threads, no real waiting, the same history for the same seed.
 * {@link dev.courier.sim.Simulation#driven} takes every scheduling decision from {@link dev.courier.sim.SchedulingChoices}
 * instead (a fuzz try's choices, an {@link dev.courier.sim.Exploration} of interleavings) and records the
 * {@link dev.courier.sim.Interleaving} it ran. {@link dev.courier.sim.ManualClock} keeps real threads and replaces
 * only time.
 */
package dev.courier.sim;
