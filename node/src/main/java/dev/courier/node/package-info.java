/**
 * Real Node.js {@code worker_threads} programs under Courier: {@link dev.courier.node.NodeProgram} runs a script with
 * a preloaded instrumentation file (shipped in this jar) and records every message event of every thread into a
 * {@link dev.courier.history.DeliveryLog}, so Courier's checkers, diagnoses and assertions apply to it.
 * Needs Node.js 18 or newer ({@code node} on the PATH, or the system property {@code courier.node.binary}).
 */
package dev.courier.node;
