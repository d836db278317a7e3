/**
 * Deterministic simulation support. {@link dev.courier.sim.ManualClock} replaces real time behind the
 * runtime's {@link dev.courier.worker.Scheduler} seam.
 */
package dev.courier.sim;
