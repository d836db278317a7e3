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
import dev.courier.worker.internal.LoopMember;
import dev.courier.worker.internal.PortSettings;
import dev.courier.worker.internal.Texts;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
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
    private final CopyOnWriteArrayList<Consumer<MessageEvent>> listeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<MessageErrorEvent>> errorListeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<Loop> pumpingOn = new AtomicReference<>();
    private final LoopMember member = new Member();
    private final PortDelivery delivery;
    private final boolean snapshotsAtSend;
    private MessagePort peer;
    private volatile Loop owner;
    private volatile boolean started;

    private MessagePort(String label, String peerLabel, PortSettings settings, Loop owner) {
        this.label = label;
        this.settings = settings;
        this.inbox = new Inbox(settings, peerLabel, label);
        this.owner = owner;
        this.started = settings.listenerPolicy() == ListenerPolicy.DROP_WHEN_NO_LISTENER;
        this.delivery = new PortDelivery(this, settings, inbox, listeners, errorListeners);
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
        transfers.commit(id, peer.owner);
        Envelope envelope = snapshotsAtSend ? snapshotEnvelope(id, message, wire, transfers)
                : new Envelope(id, wire, transfers.ports(), log.nanoTime(), settings.retainPayloads() ? message : null,
                        null, null);
        if (peer.inbox.offer(envelope) == Inbox.Offer.ENQUEUED) {
            peer.schedulePump();
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
        listeners.add(Objects.requireNonNull(listener, "listener"));
        recordListeners(EventKind.LISTENER_ADDED, "message", listeners.size());
        start();
        owner.wake();
    }

    /** Removes a message listener; returns whether it was registered. Records LISTENER_REMOVED. */
    public boolean removeMessageListener(Consumer<MessageEvent> listener) {
        boolean removed = listeners.remove(listener);
        if (removed) {
            recordListeners(EventKind.LISTENER_REMOVED, "message", listeners.size());
            owner.wake();
        }
        return removed;
    }

    /** Adds a listener for messages that arrive but cannot be decoded (S3). */
    public MessagePort onMessageError(Consumer<MessageErrorEvent> listener) {
        errorListeners.add(Objects.requireNonNull(listener, "listener"));
        recordListeners(EventKind.LISTENER_ADDED, "messageerror", errorListeners.size());
        return this;
    }

    public boolean removeMessageErrorListener(Consumer<MessageErrorEvent> listener) {
        boolean removed = errorListeners.remove(listener);
        if (removed) {
            recordListeners(EventKind.LISTENER_REMOVED, "messageerror", errorListeners.size());
        }
        return removed;
    }

    private void recordListeners(EventKind kind, String type, int count) {
        settings.log().record(kind).about(label).detail(type).number(count).append();
    }

    /** Starts delivering queued messages (needed only under QUEUE_UNTIL_STARTED without a listener). */
    public void start() {
        started = true;
        schedulePump();
    }

    /**
     * Closes both ends: later posts from either side are recorded SENT + DROPPED (PORT_CLOSED), never
     * thrown; messages still queued at either end are dropped with PORT_CLOSED.
     */
    public void close() {
        inbox.stopAccepting(DropCause.PORT_CLOSED);
        peer.inbox.stopAccepting(DropCause.PORT_CLOSED);
        owner.wake();
        peer.owner.wake();
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
        return listeners.size();
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

    /**
     * Moves this port to another loop (transfer): listeners are not carried over, as in Node. Records
     * PORT_TRANSFERRED before any message can be delivered through the new owner, so checkers can group
     * this port's deliveries with the rest of that owner's.
     */
    void rehome(Loop to) {
        owner.unref(member);
        if (!listeners.isEmpty()) {
            listeners.clear();
            recordListeners(EventKind.LISTENER_REMOVED, "message", 0);
        }
        errorListeners.clear();
        started = settings.listenerPolicy() == ListenerPolicy.DROP_WHEN_NO_LISTENER;
        owner = to;
        settings.log().record(EventKind.PORT_TRANSFERRED).about(label).detail(to.ownerLabel()).append();
        pumpingOn.set(null);
        to.ref(member);
        schedulePump();
    }

    /** The loop ended: drop what waits here with {@code cause}; the other end keeps what it has. */
    void shutDown(DropCause cause) {
        inbox.stopAccepting(cause);
        peer.inbox.stopAccepting(null);
        peer.owner.wake();
    }

    void schedulePump() {
        if (!started || inbox.depth() == 0) {
            return;
        }
        Loop loop = owner;
        if (pumpingOn.compareAndSet(null, loop) && !loop.execute("message listener", () -> pump(loop))) {
            pumpingOn.compareAndSet(loop, null);
        }
    }

    // One message per turn, so several ports into one loop take turns.
    private void pump(Loop loop) {
        if (!pumpingOn.compareAndSet(loop, null)) {
            return;
        }
        if (owner != loop) {
            schedulePump();
            return;
        }
        try {
            delivery.dispatchOne(loop);
        } finally {
            schedulePump();
        }
    }

    /** Delivers everything queued now, on the calling thread (the owner's), if the port is started. */
    void dispatchQueued() {
        Loop loop = owner;
        while (started && inbox.depth() > 0) {
            delivery.dispatchOne(loop);
        }
    }

    /** One or two lines for state reports. */
    String describe() {
        return "port " + label + ": " + (isClosed() ? "closed" : started ? "started" : "not started") + ", queue "
                + inbox.depth() + " (high-water " + inbox.highWaterMark() + ", " + inbox.describeCapacity() + "), "
                + listeners.size() + " message / " + errorListeners.size() + " messageerror listener(s)";
    }

    @Override
    public String toString() {
        return "MessagePort[" + label + (isClosed() ? ", closed" : "") + "]";
    }

    private final class Member implements LoopMember {
        @Override
        public boolean keepsLoopAlive() {
            return inbox.isAccepting() && !listeners.isEmpty();
        }

        @Override
        public void loopEnded(DropCause cause) {
            shutDown(cause);
        }
    }
}
