/**
 * Implementation of workers and message ports: the event loops that run worker scripts, the inboxes messages
 * wait in, and the port machinery that takes a message from its inbox through decoding to its listeners,
 * recording every step into the {@code DeliveryLog}. Not API: the types here may change in any release; use
 * {@link dev.courier.worker}.
 *
 * <p>Data flow: a sender's {@code postMessage} encodes the payload into an {@link
 * dev.courier.worker.internal.Envelope} and offers it to the receiving port's {@link
 * dev.courier.worker.internal.Inbox} (SENT, ENQUEUED or DROPPED); the port's {@link
 * dev.courier.worker.internal.PortDispatch} asks the owning {@link dev.courier.worker.internal.Loop} for a turn,
 * and {@link dev.courier.worker.internal.PortDelivery} decodes the message and hands an {@link
 * dev.courier.worker.internal.Arrival} to the listeners (DELIVERED, HANDLED, MESSAGE_ERROR).
 *
 * <p>Glossary:
 * <ul>
 * <li><b>loop</b>: something that runs tasks one at a time, on its own thread or as steps of a simulation: a
 *     worker's {@link dev.courier.worker.internal.WorkerLoop} or a {@link dev.courier.worker.internal.Dispatcher}
 *     for main-side events.</li>
 * <li><b>loop member</b>: a port attached to a loop; a member with a listener keeps its loop alive.</li>
 * <li><b>envelope</b>: one message in flight, its wire form plus the facts the history needs (ids, sender,
 *     sequence, snapshot at send).</li>
 * <li><b>inbox</b>: a port's queue with its capacity, overflow policy and per-sender sequence.</li>
 * <li><b>port core</b>: the state of one channel end, shared by every handle that has stood for it; a transfer
 *     moves it to another loop and detaches the old handle.</li>
 * <li><b>dispatch</b> / <b>delivery</b>: taking turns on the owning loop, one message per turn / decoding one
 *     message and calling its listeners.</li>
 * <li><b>exit signal</b>: the error that unwinds a worker's script or listener on {@code exit(code)}.</li>
 * </ul>
 *
 * <p>Thread contract: each type states its own; in short, inboxes and ports take offers from any thread, and
 * everything a loop runs runs on that loop's thread (or in its host's steps), one task at a time.
 */
package dev.courier.worker.internal;
