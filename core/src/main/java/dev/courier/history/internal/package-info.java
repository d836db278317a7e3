/**
 * Implementation of the delivery history's storage and checkers: the column store behind {@code DeliveryLog},
 * the one-pass scans behind {@code Checks}, and the explanations behind {@code Checks.diagnose}. Not API: the
 * types here may change in any release; use {@link dev.courier.history}.
 *
 * <p>Data flow: appended events are stored column by column in {@link dev.courier.history.internal.EventChunk}s;
 * a check over a snapshot first indexes it into {@link dev.courier.history.internal.MessageFacts} (where each
 * message's events sit), then a scan ({@code DeliveryScan}, {@code OrderScan}, {@code LatencyScan},
 * {@code QueueScan}, {@code HandlingScan}, {@code LifecycleScan}, {@code FidelityScan}) builds the report; the
 * diagnoses turn a report's findings into anomalies, explained from recorded facts by {@code LossExplanations},
 * {@code OverflowExplanation} and {@link dev.courier.history.internal.EndpointFacts}, and {@link
 * dev.courier.history.internal.Diagnose} merges them.
 *
 * <p>Glossary:
 * <ul>
 * <li><b>chunk</b>: a fixed-size block of events stored as primitive columns.</li>
 * <li><b>slot</b>: a message's dense index within one snapshot ({@link
 *     dev.courier.history.internal.MessageSlots}).</li>
 * <li><b>message facts</b>: per slot, the index of the message's first SENT, ENQUEUED, DELIVERED, HANDLED,
 *     DROPPED and MESSAGE_ERROR event.</li>
 * <li><b>scan</b>: a pure function from a snapshot (and its facts) to one checker's report, in one pass.</li>
 * <li><b>diagnosis</b> / <b>explanation</b>: an anomaly per cause and endpoint / the recorded facts that say why
 *     it happened and what fixes it.</li>
 * <li><b>delivering owner</b>: who delivers for an endpoint: itself, or the worker its port was transferred
 *     to.</li>
 * </ul>
 *
 * <p>Thread contract: chunks are written under the owning log's lock and read after publication; every scan
 * and diagnosis is a pure function whose state belongs to one call.
 */
package dev.courier.history.internal;
