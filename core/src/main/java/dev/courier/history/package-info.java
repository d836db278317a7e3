/**
 * The delivery history and its checkers. A {@link dev.courier.history.DeliveryLog} records every fact a
 * runtime or tap observes; {@link dev.courier.history.Checks} are pure functions from a
 * {@link dev.courier.history.HistorySnapshot} to immutable reports, and
 * {@link dev.courier.history.Checks#diagnose} explains each anomaly from recorded facts, with its fix.
 *
 * <p>Thread contract: the log is safe for concurrent appends, reads and waits (see its javadoc). Every
 * report, event and anomaly type in this package is an immutable value (records over immutable lists),
 * safe to share between threads without synchronization.
 */
package dev.courier.history;
