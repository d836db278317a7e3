package dev.courier.worker.internal;

import dev.courier.clone.DataCloneException;
import dev.courier.clone.Fidelity;
import dev.courier.clone.Snapshot;
import dev.courier.clone.TransferContext;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.worker.MessageErrorEvent;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The state of one end of a two-way channel, shared by every handle that has stood for it: its inbox,
 * listeners and dispatch, its peer, and its place among the members of the loop that owns it. A transfer
 * moves the state to another loop and gives the receiver a new handle on it; the state itself never
 * moves between objects, so what is queued at it survives the transfer.
 *
 * <p>Thread contract: every method may be called from any thread, except {@link #dispatchQueued()}, which
 * runs on the owner's thread. {@link #keepsLoopAlive()} takes no locks; {@link #loopEnded} runs on the
 * ending loop's thread; {@link #rehome} runs on the thread that commits the transfer, before the message
 * carrying the port is queued. Nothing blocks beyond the log's and the inboxes' short locks, except
 * {@link #post} under BLOCK, bounded by the block timeout.
 */
public final class PortCore implements LoopMember {

    /**
     * One send's transfer list as the port needs it: the codec's stand-ins, and, once the encode succeeded,
     * the move of what it lists to the receiving loop.
     */
    public interface Transfer extends TransferContext {

        /** Nothing listed. */
        Transfer NONE = new Transfer() {
            @Override
            public Object replacement(Object original) {
                return null;
            }

            @Override
            public List<?> commit(long messageId, Loop receiver) {
                return List.of();
            }
        };

        /** The encode succeeded: move what is listed to {@code receiver}; answers the ports' new handles. */
        List<?> commit(long messageId, Loop receiver);
    }

    private final String label;
    private final PortSettings settings;
    private final Inbox inbox;
    private final PortListeners listeners;
    private final PortDispatch dispatch;
    private PortCore peer;

    private PortCore(String label, String peerLabel, PortSettings settings, Loop owner) {
        this.label = label;
        this.settings = settings;
        this.inbox = new Inbox(settings, peerLabel, label);
        this.listeners = new PortListeners(label, settings.log());
        this.dispatch = new PortDispatch(inbox, new PortDelivery(label, settings, inbox, listeners), owner,
                PortDispatch.startsUnprompted(settings));
    }

    /** Two linked ends; each is attached to its owner loop. */
    public static PortCore[] pair(String label1, Loop owner1, String label2, Loop owner2, PortSettings settings) {
        PortCore first = new PortCore(label1, label2, settings, owner1);
        PortCore second = new PortCore(label2, label1, settings, owner2);
        first.peer = second;
        second.peer = first;
        owner1.ref(first);
        owner2.ref(second);
        return new PortCore[] {first, second};
    }

    /**
     * Sends {@code message} to the other end (S9 for what {@code transfer} lists). A payload or transfer list
     * that cannot cross is recorded as CLONE_FAILED and rethrown; nothing was sent then.
     *
     * @param transfer validates the transfer list when called, inside the send (its failure is the send's)
     */
    public void post(Object message, Supplier<? extends Transfer> transfer) {
        DeliveryLog log = settings.log();
        long id = log.writer().nextMessageId();
        Transfer transfers;
        Object wire;
        try {
            transfers = transfer.get();
            wire = settings.codec().encode(message, transfers);
        } catch (RuntimeException failure) {
            log.writer().record(EventKind.CLONE_FAILED).message(id, 0).between(label, peer.label)
                    .detail(Texts.cloneFailure(failure, message)).error(failure).append();
            throw failure;
        }
        List<?> ports = transfers.commit(id, peer.dispatch.owner());
        Envelope envelope = settings.snapshotsAtSend() ? snapshotEnvelope(id, message, wire, ports)
                : new Envelope(id, wire, ports, log.nanoTime(), settings.retainPayloads() ? message : null, null, null);
        if (peer.inbox.offer(envelope) == Inbox.Offer.ENQUEUED) {
            peer.dispatch.schedule();
        }
    }

    // After the commit, so a value moved by the transfer is not later mistaken for one changed in flight.
    private Envelope snapshotEnvelope(long id, Object message, Object wire, List<?> ports) {
        Snapshot snapshot = null;
        String sentDetail = null;
        try {
            snapshot = Fidelity.snapshot(message);
        } catch (DataCloneException failure) {
            sentDetail = "no snapshot at send: " + Texts.cloneFailure(failure, message);
        }
        return new Envelope(id, wire, ports, settings.log().nanoTime(),
                settings.retainPayloads() ? message : null, snapshot, sentDetail);
    }

    /** Adds a message listener (the user's {@code listener}, called through {@code call}) and starts the port. */
    public void addMessageListener(Object listener, Consumer<Arrival> call) {
        listeners.addMessage(listener, call);
        start();
        dispatch.owner().wake();
    }

    /** Removes a message listener by the user's listener; returns whether it was registered. */
    public boolean removeMessageListener(Object listener) {
        boolean removed = listeners.removeMessage(listener);
        if (removed) {
            dispatch.owner().wake();
        }
        return removed;
    }

    public void addMessageErrorListener(Consumer<MessageErrorEvent> listener) {
        listeners.addError(listener);
    }

    public boolean removeMessageErrorListener(Consumer<MessageErrorEvent> listener) {
        return listeners.removeError(listener);
    }

    /** Starts delivering queued messages. */
    public void start() {
        dispatch.start();
    }

    /** Closes both ends: later posts are dropped (PORT_CLOSED), and so is what is queued at either end. */
    public void close() {
        inbox.stopAccepting(DropCause.PORT_CLOSED);
        peer.inbox.stopAccepting(DropCause.PORT_CLOSED);
        dispatch.owner().wake();
        peer.dispatch.owner().wake();
    }

    public boolean isClosed() {
        return !inbox.isAccepting();
    }

    /** Whether {@code other} is this end or its peer (a port cannot be sent through its own channel). */
    public boolean isSelfOrPeer(PortCore other) {
        return other == this || other == peer;
    }

    public String label() {
        return label;
    }

    public DeliveryLog log() {
        return settings.log();
    }

    /** The queue of messages addressed to this end. */
    public Inbox inbox() {
        return inbox;
    }

    public int messageListenerCount() {
        return listeners.messageCount();
    }

    /** The loop that delivers this end's messages now. */
    public Loop owner() {
        return dispatch.owner();
    }

    @Override
    public boolean keepsLoopAlive() {
        return inbox.isAccepting() && listeners.hasMessageListeners();
    }

    /** The loop ended: drop what waits here with {@code cause}; the other end keeps what it has. */
    @Override
    public void loopEnded(DropCause cause) {
        inbox.stopAccepting(cause);
        peer.inbox.stopAccepting(null);
        peer.dispatch.owner().wake();
    }

    /**
     * Moves this end to another loop (transfer): listeners are not carried over, as in Node. Records
     * PORT_TRANSFERRED before any message can be delivered through the new owner, so checkers can group
     * the port's deliveries with the rest of that owner's.
     */
    public void rehome(Loop to) {
        dispatch.owner().unref(this);
        listeners.clearForTransfer();
        dispatch.moveTo(to, PortDispatch.startsUnprompted(settings));
        settings.log().writer().record(EventKind.PORT_TRANSFERRED).about(label).detail(to.ownerLabel()).append();
        dispatch.releasePump();
        to.ref(this);
        dispatch.schedule();
    }

    /** Delivers everything queued now, on the calling thread (the owner's), if the port is started. */
    public void dispatchQueued() {
        dispatch.dispatchQueued();
    }

    /** One line for state reports. */
    public String describe() {
        String state = isClosed() ? "closed" : dispatch.isStarted() ? "started" : "not started";
        return "port " + label + ": " + state + ", queue " + inbox.depth() + " (high-water " + inbox.highWaterMark()
                + ", " + inbox.describeCapacity() + "), " + listeners.messageCount() + " message / "
                + listeners.errorCount() + " messageerror listener(s)";
    }

    @Override
    public String toString() {
        return "PortCore[" + label + "]";
    }
}
