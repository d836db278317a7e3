/**
 * Implementation of the reports: writers of the JSON Lines export and the HTML timeline described in {@link
 * dev.courier.report}. Not API: the types here may change in any release; use {@link
 * dev.courier.report.Reports}.
 *
 * <p>Data flow: a snapshot and its diagnosis go in; {@link dev.courier.report.internal.EventLines} writes one
 * JSON object per event, {@link dev.courier.report.internal.HtmlPage} embeds those lines and the diagnosis in one
 * self-contained page whose script draws the timeline in the browser.
 *
 * <p>Glossary:
 * <ul>
 * <li><b>event line</b>: one event as one JSON object on one line, with the fields listed in {@link
 *     dev.courier.report}.</li>
 * <li><b>summary</b>: a payload or error shortened for a report: type, size, start of {@code toString()}
 *     ({@link dev.courier.report.internal.Summaries}).</li>
 * <li><b>HTML-safe JSON</b>: JSON whose strings escape {@code <}, {@code >} and {@code &}, so it can sit inside a
 *     {@code <script>} element ({@link dev.courier.report.internal.Json}).</li>
 * </ul>
 *
 * <p>Thread contract: every type here is stateless; each call writes its own output.
 */
package dev.courier.report.internal;
