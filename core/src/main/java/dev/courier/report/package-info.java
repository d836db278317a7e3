/**
 * Reports over a delivery history: a JSON Lines export and a self-contained HTML timeline, written on demand with
 * {@link dev.courier.report.Reports} (and by the JUnit extension for every failing Courier test). Reports sit after
 * the checkers: they read a {@link dev.courier.history.HistorySnapshot} and its
 * {@link dev.courier.history.Diagnosis}, nothing else.
 *
 * <h2>JSON Lines</h2>
 * One event per line, in log order, UTF-8, each line one JSON object. A field is absent when it does not apply to
 * the event's kind or has no value:
 * <table>
 * <caption>Fields of one event line</caption>
 * <tr><th>field</th><th>type</th><th>present</th><th>meaning</th></tr>
 * <tr><td>{@code index}</td><td>number</td><td>always</td><td>position in the log, from 0</td></tr>
 * <tr><td>{@code kind}</td><td>string</td><td>always</td><td>a {@link dev.courier.history.EventKind} name</td></tr>
 * <tr><td>{@code timeNanos}</td><td>number</td><td>always</td><td>monotonic time from the log's clock (only
 *     differences are meaningful)</td></tr>
 * <tr><td>{@code messageId}</td><td>number</td><td>message events</td><td>the message, unique within the log</td></tr>
 * <tr><td>{@code sender}</td><td>string</td><td>message events, SHARED_*</td><td>label of the sending endpoint;
 *     for a SharedBuffer access, the accessing thread's name</td></tr>
 * <tr><td>{@code sequence}</td><td>number</td><td>message events, SHARED_*</td><td>the sender's sequence number,
 *     from 1; for a SharedBuffer access, the value read or written</td></tr>
 * <tr><td>{@code receiver}</td><td>string</td><td>when recorded</td><td>the receiving endpoint, or the worker / port
 *     a lifecycle event is about</td></tr>
 * <tr><td>{@code number}</td><td>number</td><td>ENQUEUED, DELIVERED, DROPPED, WORKER_EXIT, LISTENER_ADDED,
 *     LISTENER_REMOVED, SHARED_*</td><td>queue depth, exit code, listener count or the SharedBuffer view's
 *     index</td></tr>
 * <tr><td>{@code cause}</td><td>string</td><td>DROPPED with a cause</td><td>a
 *     {@link dev.courier.history.DropCause} name</td></tr>
 * <tr><td>{@code outcome}</td><td>string</td><td>HANDLED, MESSAGE_ERROR</td><td>an
 *     {@link dev.courier.history.Outcome} name other than NONE</td></tr>
 * <tr><td>{@code detail}</td><td>string</td><td>when recorded</td><td>the recorder's text (clone failure path and
 *     class, listener type, new owner of a port), at most 200 characters</td></tr>
 * <tr><td>{@code error}</td><td>string</td><td>when recorded</td><td>class and message of the throwable behind the
 *     event, at most 200 characters</td></tr>
 * <tr><td>{@code payload}</td><td>string</td><td>when payloads are retained</td><td>a summary: simple type name,
 *     size of a collection, map or array, and the start of {@code toString()}</td></tr>
 * </table>
 * Strings escape {@code <}, {@code >} and {@code &} as unicode escapes, so a line can be embedded in HTML as is.
 *
 * <h2>HTML</h2>
 * One file with its CSS, script and SVG inline, and the JSON Lines above embedded as data: it opens offline. One
 * lane per endpoint; a delivered message is an arrow from its SENT to its DELIVERED event (a dot marks HANDLED, red
 * when the listener threw); a drop is a dashed line to a cross where it happened, labelled with its cause; clone
 * failures (diamond), message errors (triangle) and worker, listener and port events (bars) are marked on their
 * lane. The diagnosis' anomalies are listed with explanation and fix, and their messages and endpoints highlighted.
 * Clicking shows a message's events and payload summary; filters narrow by endpoint, kind and message id. Only
 * the events in view are drawn; an overview bar aggregates the whole history into at most 300 buckets, so a
 * 100,000-event history stays quick. When drawn, the page's {@code body} carries {@code data-state="rendered"},
 * {@code data-events}, {@code data-lanes} and {@code data-render-ms} (from navigation start, by
 * {@code performance.now()}).
 *
 * <p>Thread contract: {@link dev.courier.report.Reports} is stateless and may be called from any thread.
 */
package dev.courier.report;
