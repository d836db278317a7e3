/**
 * Implementation of the taps: the wrappers and trackers that turn calls on the user's own JDK transports into
 * delivery events. Not API: the types here may change in any release; use {@link dev.courier.tap}.
 *
 * <p>Data flow: a tap's send side (a queue offer, an executor submit, a publisher offer, a {@code Recorder}
 * send) records SENT and ENQUEUED through the receiving endpoint's {@link dev.courier.tap.internal.Ledger},
 * keeping a {@link dev.courier.tap.internal.PendingSend} for each message in flight; the receive side (a take, a
 * task run, an {@code onNext}, a callback) finds that send, by identity or by key, and records DELIVERED and
 * HANDLED; what the transport refuses or discards is recorded as DROPPED by a tracker ({@link
 * dev.courier.tap.internal.DropTracker}, {@link dev.courier.tap.internal.RejectionRecorder}, {@link
 * dev.courier.tap.internal.TrackedIterator}).
 *
 * <p>Glossary:
 * <ul>
 * <li><b>ledger</b>: everything the taps of one log record about one receiving endpoint (per-sender
 *     sequences, messages known by key, counts for the timeout report); found or made by the {@link
 *     dev.courier.tap.internal.Registry}.</li>
 * <li><b>pending send</b>: a send not yet delivered, holding what the receiving side needs to close it.</li>
 * <li><b>message ref</b>: a tapped message's identity as the log knows it: id, sender, sequence.</li>
 * <li><b>tracked message / task</b>: a message a ledger knows by key / a task an executor tap recorded as one
 *     message.</li>
 * <li><b>snapshot at send</b>: a copy taken when a message is sent, compared at delivery to detect a payload
 *     changed in flight ({@link dev.courier.tap.internal.SendSnapshots}).</li>
 * </ul>
 *
 * <p>Thread contract: each type states its own; tap machinery is called from any producer or consumer thread
 * and only takes the log's append lock or a ledger's short lock.
 */
package dev.courier.tap.internal;
