package dev.courier.worker;

import dev.courier.clone.DataCloneException;
import dev.courier.clone.Fidelity;
import dev.courier.clone.Snapshot;
import dev.courier.clone.Transferable;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.worker.internal.Envelope;
import dev.courier.worker.internal.Inbox;
import dev.courier.worker.internal.Loop;
import dev.courier.worker.internal.PortSettings;
import dev.courier.worker.internal.Texts;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One end of a two-way channel: a worker's {@code parentPort}, the main side of a worker, or either port
 * of a {@link MessageChannel}. {@code postMessage} encodes on the caller's thread and queues the message at
 * the other end; the other end's owner delivers it to that end's listeners.
 *
 * <p>Thread contract: every method may be called from any thread. Listeners run on the thread of the
 * port's owner: the worker's thread for a worker's parentPort and for ports transferred into a worker;
 * the worker's {@code -parent} dispatcher for a worker's main side; for a port no worker owns, a small
 * on-demand dispatcher thread of its channel ({@code courier-channel-<name>}), started when there is
 * something to deliver and ended when idle. Listeners of one port never run concurrently. Messages from
 * one port arrive in send order (S1). {@code postMessage} blocks only under {@link OverflowPolicy#BLOCK},
 * bounded by the block timeout. Under a {@code dev.courier.sim.Simulation} no port has a thread: listeners run
 * as the simulation's steps on the thread that drives it, and a BLOCK send to a full queue fails at once.
 */
public final class MessagePort implements Transferable {

    private final String label;
    private final PortSettings settings;
    private final Inbox inbox;
    private final PortListeners listeners;
    private final PortDispatch dispatch;
    private final PortMember member;
    private final boolean snapshotsAtSend;
    private MessagePort peer;

    private MessagePort(String label, String peerLabel, PortSettings settings, Loop owner) {
        this.label = label;
        this.settings = settings;
        this.inbox = new Inbox(settings, peerLabel, label);
        this.listeners = new PortListeners(label, settings.log());
        PortDelivery delivery = new PortDelivery(this, settings, inbox, listeners.messages(), listeners.errors());
        this.dispatch = new PortDispatch(inbox, delivery, owner, PortDispatch.startsUnprompted(settings));
        this.member = new PortMember(this, settings, inbox, listeners, dispatch);
        this.snapshotsAtSend = settings.snapshotsAtSend();
    }

    /** Two linked ports; each is attached to its owner loop. */
    static MessagePort[] pair(String label1, Loop owner1, String label2, Loop owner2, PortSettings settings) {
        MessagePort first = new MessagePort(label1, label2, settings, owner1);
        MessagePort second = new MessagePort(label2, label1, settings, owner2);
        first.peer = second;
        second.peer = first;
        owner1.ref(first.member);
        owner2.ref(second.member);
        return new MessagePort[] {first, second};
    }

    /** Sends {@code message} (null is a legal payload, as in Node) to the other end. */
    public void postMessage(Object message) {
        postMessage(message, List.of());
    }

    /**
     * Sends {@code message}, moving the values in {@code transferList} instead of copying them (S9).
     *
     * @throws DataCloneException if the payload or the transfer list cannot cross; nothing was sent then
     *                            and CLONE_FAILED was recorded
     * @throws QueueFullException under FAIL, or BLOCK after its timeout (recorded as DROPPED OVERFLOW)
     */
    public void postMessage(Object message, List<? extends Transferable> transferList) {
        Objects.requireNonNull(transferList, "transferList (use postMessage(message) to transfer nothing)");
        DeliveryLog log = settings.log();
        long id = log.nextMessageId();
        TransferList transfers;
        Object wire;
        try {
            transfers = TransferList.prepare(transferList, this);
            wire = settings.codec().encode(message, transfers);
        } catch (RuntimeException failure) {
            log.record(EventKind.CLONE_FAILED).message(id, 0).between(label, peer.label)
                    .detail(Texts.cloneFailure(failure, message)).error(failure).append();
            throw failure;
        }
        transfers.commit(id, peer.dispatch);
        Envelope envelope = snapshotsAtSend ? snapshotEnvelope(id, message, wire, transfers)
                : new Envelope(id, wire, transfers.ports(), log.nanoTime(), settings.retainPayloads() ? message : null,
                        null, null);
        if (peer.inbox.offer(envelope) == Inbox.Offer.ENQUEUED) {
            peer.dispatch.schedule();
        }
    }

    // After the commit, so a value moved by the transfer is not later mistaken for one changed in flight.
    private Envelope snapshotEnvelope(long id, Object message, Object wire, TransferList transfers) {
        Snapshot snapshot = null;
        String sentDetail = null;
        try {
            snapshot = Fidelity.snapshot(message);
        } catch (DataCloneException failure) {
            sentDetail = "no snapshot at send: " + Texts.cloneFailure(failure, message);
        }
        return new Envelope(id, wire, transfers.ports(), settings.log().nanoTime(),
                settings.retainPayloads() ? message : null, snapshot, sentDetail);
    }

    /** Adds a message listener and starts the port (Node's {@code port.on('message', ...)}). */
    public MessagePort onMessage(Consumer<MessageEvent> listener) {
        addMessageListener(listener);
        return this;
    }

    /** Adds a message listener and starts the port. Records LISTENER_ADDED. */
    public void addMessageListener(Consumer<MessageEvent> listener) {
        listeners.addMessage(listener);
        start();
        dispatch.owner().wake();
    }

    /** Removes a message listener; returns whether it was registered. Records LISTENER_REMOVED. */
    public boolean removeMessageListener(Consumer<MessageEvent> listener) {
        boolean removed = listeners.removeMessage(listener);
        if (removed) {
            dispatch.owner().wake();
        }
        return removed;
    }

    /** Adds a listener for messages that arrive but cannot be decoded (S3). */
    public MessagePort onMessageError(Consumer<MessageErrorEvent> listener) {
        listeners.addError(listener);
        return this;
    }

    public boolean removeMessageErrorListener(Consumer<MessageErrorEvent> listener) {
        return listeners.removeError(listener);
    }

    /** Starts delivering queued messages (needed only under QUEUE_UNTIL_STARTED without a listener). */
    public void start() {
        dispatch.start();
    }

    /**
     * Closes both ends: later posts from either side are recorded SENT + DROPPED (PORT_CLOSED), never
     * thrown; messages still queued at either end are dropped with PORT_CLOSED.
     */
    public void close() {
        inbox.stopAccepting(DropCause.PORT_CLOSED);
        peer.inbox.stopAccepting(DropCause.PORT_CLOSED);
        dispatch.owner().wake();
        peer.dispatch.owner().wake();
    }

    public boolean isClosed() {
        return !inbox.isAccepting();
    }

    /** This end's label in the history, e.g. {@code channel-2.port1}, {@code main}, {@code echo#3}. */
    public String label() {
        return label;
    }

    /** Messages queued at this end, waiting for its listeners. */
    public int queueDepth() {
        return inbox.depth();
    }

    /** The deepest this end's queue has been. */
    public int highWaterMark() {
        return inbox.highWaterMark();
    }

    public int messageListenerCount() {
        return listeners.messageCount();
    }

    public DeliveryLog log() {
        return settings.log();
    }

    @Override
    public boolean transferOnly() {
        return true;
    }

    @Override
    public Transferable copyForClone() {
        throw new DataCloneException(null, MessagePort.class.getName(),
                "port " + label + " found in the payload but not in the transfer list",
                "list the port in postMessage's transfer list");
    }

    MessagePort peer() {
        return peer;
    }

    Inbox inbox() {
        return inbox;
    }

    PortDispatch dispatch() {
        return dispatch;
    }

    /** Moves this port to another loop (transfer); see {@link PortMember#rehome}. */
    void rehome(Loop to) {
        member.rehome(to);
    }

    /** Delivers everything queued now, on the calling thread (the owner's), if the port is started. */
    void dispatchQueued() {
        dispatch.dispatchQueued();
    }

    /** One or two lines for state reports. */
    String describe() {
        String state = isClosed() ? "closed" : dispatch.isStarted() ? "started" : "not started";
        return "port " + label + ": " + state + ", queue " + inbox.depth() + " (high-water " + inbox.highWaterMark()
                + ", " + inbox.describeCapacity() + "), " + listeners.messageCount() + " message / "
                + listeners.errorCount() + " messageerror listener(s)";
    }

    @Override
    public String toString() {
        return "MessagePort[" + label + (isClosed() ? ", closed" : "") + "]";
    }
}
