package dev.courier.worker;

import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.worker.internal.Inbox;
import dev.courier.worker.internal.Loop;
import dev.courier.worker.internal.LoopMember;
import dev.courier.worker.internal.PortSettings;

/**
 * A port as a member of the loop that owns it: its listeners keep the loop alive, the loop's end shuts it
 * down, and a transfer moves it to another loop.
 *
 * <p>Thread contract: {@link #keepsLoopAlive()} takes no locks and may be called from any thread;
 * {@link #loopEnded} runs on the ending loop's thread; {@link #rehome} runs on the thread that commits the
 * transfer, before the message carrying the port is queued. None of them blocks beyond the log's and the
 * inboxes' short locks.
 */
final class PortMember implements LoopMember {

    private final MessagePort port;
    private final PortSettings settings;
    private final Inbox inbox;
    private final PortListeners listeners;
    private final PortDispatch dispatch;

    PortMember(MessagePort port, PortSettings settings, Inbox inbox, PortListeners listeners, PortDispatch dispatch) {
        this.port = port;
        this.settings = settings;
        this.inbox = inbox;
        this.listeners = listeners;
        this.dispatch = dispatch;
    }

    @Override
    public boolean keepsLoopAlive() {
        return inbox.isAccepting() && listeners.hasMessageListeners();
    }

    /** The loop ended: drop what waits here with {@code cause}; the other end keeps what it has. */
    @Override
    public void loopEnded(DropCause cause) {
        MessagePort peer = port.peer();
        inbox.stopAccepting(cause);
        peer.inbox().stopAccepting(null);
        peer.dispatch().owner().wake();
    }

    /**
     * Moves the port to another loop (transfer): listeners are not carried over, as in Node. Records
     * PORT_TRANSFERRED before any message can be delivered through the new owner, so checkers can group
     * the port's deliveries with the rest of that owner's.
     */
    void rehome(Loop to) {
        dispatch.owner().unref(this);
        listeners.clearForTransfer();
        dispatch.moveTo(to, PortDispatch.startsUnprompted(settings));
        settings.log().record(EventKind.PORT_TRANSFERRED).about(port.label()).detail(to.ownerLabel()).append();
        dispatch.releasePump();
        to.ref(this);
        dispatch.schedule();
    }
}
