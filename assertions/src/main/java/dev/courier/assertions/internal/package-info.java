/**
 * Implementation of Courier's assertions: the checks behind each assert method, their failure texts, and the
 * waiting that re-runs them as the history grows. Not API: the types here may change in any release; use
 * {@link dev.courier.assertions}.
 *
 * <p>Data flow: an assert collects its {@link dev.courier.assertions.internal.Expectations}; at {@code check()}
 * they become one check from a snapshot to a {@link dev.courier.assertions.internal.Verdict} (the
 * {@code *Verdicts} classes, over the history's checkers), which {@link
 * dev.courier.assertions.internal.HistoryWait} re-runs on every append until it holds, is settled, or times out;
 * a failure is worded by the {@code *FailureMessages} classes through {@link
 * dev.courier.assertions.internal.FailureText}, with the relevant anomalies' explanations ({@link
 * dev.courier.assertions.internal.Relevant}) and, after a timeout, a {@link
 * dev.courier.assertions.internal.StateReport}.
 *
 * <p>Glossary:
 * <ul>
 * <li><b>expectation</b>: one condition declared on an assert, evaluated only at {@code check()}; an assert
 *     left unchecked is reported ({@link dev.courier.assertions.internal.Unchecked}).</li>
 * <li><b>verdict</b>: the outcome of one check on one snapshot: the value found and, if it does not hold, the
 *     failure text.</li>
 * <li><b>settled</b>: a failure that more events cannot turn into a pass, so a wait ends at once.</li>
 * <li><b>default timeout</b> / <b>timeout factor</b>: the bound of a wait with no {@code within(...)} / the
 *     multiplier applied to every bound on slow machines ({@link dev.courier.assertions.internal.DefaultTimeout},
 *     {@link dev.courier.assertions.internal.Timeouts}).</li>
 * <li><b>state report</b>: what a timed-out wait prints: counts, queue depths, live endpoint states.</li>
 * </ul>
 *
 * <p>Thread contract: checks and failure texts are stateless or confined to the evaluating thread; a wait
 * blocks its caller only, waking on the log's appends.
 */
package dev.courier.assertions.internal;
