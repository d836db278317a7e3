package dev.courier.worker;

import dev.courier.clone.DataCloneException;
import dev.courier.clone.Transferable;
import dev.courier.history.DeliveryLog;
import dev.courier.worker.internal.Arrival;
import dev.courier.worker.internal.Loop;
import dev.courier.worker.internal.PortCore;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A handle on one end of a two-way channel: a worker's {@code parentPort}, the main side of a worker, or
 * either port of a {@link MessageChannel}. {@code postMessage} encodes on the caller's thread and queues the
 * message at the other end; the other end's owner delivers it to that end's listeners.
 *
 * <p>A handle listed in a transfer list is detached when the message is sent (S9): the receiver gets a new
 * handle on the same end (in {@link MessageEvent#ports()}), with what was queued there, and this one can no
 * longer send, listen, start or be transferred again ({@link IllegalStateException} /
 * {@link DataCloneException}); its listeners are gone, and it reads as closed.
 *
 * <p>Thread contract: every method may be called from any thread. Listeners run on the thread of the
 * port's owner: the worker's thread for a worker's parentPort and for ports transferred into a worker;
 * the worker's {@code -parent} dispatcher for a worker's main side; for a port no worker owns, a small
 * on-demand dispatcher thread of its channel ({@code courier-channel-<name>}), started when there is
 * something to deliver and ended when idle. Listeners of one port never run concurrently. Messages from
 * one port arrive in send order (S1). {@code postMessage} blocks only under {@link OverflowPolicy#BLOCK},
 * bounded by the block timeout. A send racing with the transfer of its own handle on another thread may
 * still go out before the detach. Under a {@code dev.courier.sim.Simulation} no port has a thread: listeners
 * run as the simulation's steps on the thread that drives it, and a BLOCK send to a full queue fails at once.
 */
public final class MessagePort implements Transferable {

    /**
     * A message as a listener receives it.
     *
     * @param data        the decoded payload (may be null: null is a legal payload, as in Node)
     * @param messageId   the id the history records it under
     * @param sender      the sending endpoint's label ({@code main}, {@code <name>#<id>}, {@code channel-1.port1})
     * @param receiver    the receiving endpoint's label
     * @param sequence    the sender's sequence number towards this receiver, from 1
     * @param sentAtNanos when it was sent, on the log's clock
     * @param ports       the ports transferred with it, in transfer-list order (empty if none): the receiver's
     *                    new handles
     */
    public record MessageEvent(Object data, long messageId, String sender, String receiver, long sequence,
                               long sentAtNanos, List<MessagePort> ports) {

        public MessageEvent {
            ports = List.copyOf(ports);
        }

        /** The payload cast to {@code type}, with a clear error if it is something else. */
        public <T> T data(Class<T> type) {
            if (data != null && !type.isInstance(data)) {
                throw new ClassCastException("message " + messageId + " from " + sender + " carries a "
                        + data.getClass().getName() + ", not a " + type.getName());
            }
            return type.cast(data);
        }
    }

    private final PortCore core;
    /** Set once, when a transfer detaches this handle: "message 7 to echo#2". */
    private volatile String detachedBy;

    MessagePort(PortCore core) {
        this.core = core;
    }

    /** Sends {@code message} (null is a legal payload, as in Node) to the other end. */
    public void postMessage(Object message) {
        postMessage(message, List.of());
    }

    /**
     * Sends {@code message}, moving the values in {@code transferList} instead of copying them (S9).
     *
     * @throws DataCloneException    if the payload or the transfer list cannot cross; nothing was sent then
     *                               and CLONE_FAILED was recorded
     * @throws QueueFullException    under FAIL, or BLOCK after its timeout (recorded as DROPPED OVERFLOW)
     * @throws IllegalStateException if this handle was detached by a transfer; nothing was sent or recorded
     */
    public void postMessage(Object message, List<? extends Transferable> transferList) {
        Objects.requireNonNull(transferList, "transferList (use postMessage(message) to transfer nothing)");
        requireAttached("post through it");
        core.post(message, () -> Transfers.prepare(transferList, core));
    }

    /** Adds a message listener and starts the port (Node's {@code port.on('message', ...)}). */
    public MessagePort onMessage(Consumer<MessageEvent> listener) {
        addMessageListener(listener);
        return this;
    }

    /** Adds a message listener and starts the port. Records LISTENER_ADDED. */
    public void addMessageListener(Consumer<MessageEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        requireAttached("listen on it");
        core.addMessageListener(listener, arrival -> listener.accept(event(arrival)));
    }

    @SuppressWarnings("unchecked")
    private static MessageEvent event(Arrival arrival) {
        return new MessageEvent(arrival.data(), arrival.messageId(), arrival.sender(), arrival.receiver(),
                arrival.sequence(), arrival.sentAtNanos(), (List<MessagePort>) arrival.ports());
    }

    /**
     * Removes a message listener; returns whether it was registered (never, on a detached handle: its listeners
     * went with the transfer). Records LISTENER_REMOVED.
     */
    public boolean removeMessageListener(Consumer<MessageEvent> listener) {
        return detachedBy == null && core.removeMessageListener(listener);
    }

    /** Adds a listener for messages that arrive but cannot be decoded (S3). */
    public MessagePort onMessageError(Consumer<MessageErrorEvent> listener) {
        requireAttached("listen on it");
        core.addMessageErrorListener(listener);
        return this;
    }

    /** Removes a messageerror listener; returns whether it was registered (never, on a detached handle). */
    public boolean removeMessageErrorListener(Consumer<MessageErrorEvent> listener) {
        return detachedBy == null && core.removeMessageErrorListener(listener);
    }

    /** Starts delivering queued messages (needed only under QUEUE_UNTIL_STARTED without a listener). */
    public void start() {
        requireAttached("start it");
        core.start();
    }

    /**
     * Closes both ends: later posts from either side are recorded SENT + DROPPED (PORT_CLOSED), never
     * thrown; messages still queued at either end are dropped with PORT_CLOSED. On a detached handle it does
     * nothing: the end belongs to the handle its receiver got.
     */
    public void close() {
        if (detachedBy == null) {
            core.close();
        }
    }

    /** Whether the port is closed, or this handle was detached by a transfer. */
    public boolean isClosed() {
        return detachedBy != null || core.isClosed();
    }

    /** Whether a transfer moved this port away, leaving this handle unusable (S9). */
    public boolean isDetached() {
        return detachedBy != null;
    }

    /** This end's label in the history, e.g. {@code channel-2.port1}, {@code main}, {@code echo#3}. */
    public String label() {
        return core.label();
    }

    /** Messages queued at this end, waiting for its listeners (0 on a detached handle). */
    public int queueDepth() {
        return detachedBy == null ? core.inbox().depth() : 0;
    }

    /** The deepest this end's queue has been (0 on a detached handle). */
    public int highWaterMark() {
        return detachedBy == null ? core.inbox().highWaterMark() : 0;
    }

    public int messageListenerCount() {
        return detachedBy == null ? core.messageListenerCount() : 0;
    }

    public DeliveryLog log() {
        return core.log();
    }

    @Override
    public boolean transferOnly() {
        return true;
    }

    @Override
    public Transferable copyForClone() {
        throw new DataCloneException(null, MessagePort.class.getName(),
                "port " + label() + " found in the payload but not in the transfer list",
                "list the port in postMessage's transfer list");
    }

    private void requireAttached(String action) {
        String by = detachedBy;
        if (by != null) {
            throw new IllegalStateException("cannot " + action + ": port " + label() + " was transferred with "
                    + by + ", which detached this handle; use the handle the receiver got in event.ports()");
        }
    }

    @Override
    public String toString() {
        return "MessagePort[" + label() + (detachedBy != null ? ", detached" : isClosed() ? ", closed" : "") + "]";
    }

    /**
     * One {@code postMessage} call's transfer list (S9), validated up front: maps each listed value to its
     * receiving-side stand-in for the codec (a port's stand-in is the receiver's new handle), and, only after
     * the encode succeeded, detaches the buffers and the ports' handles and re-homes the ports
     * ({@link #commit}), so a failed send moves nothing. A {@link SharedBuffer} is never listed: copying
     * codecs pass it by reference as a {@code SharedByReference} value.
     *
     * <p>Thread contract: confined to the posting thread for one call.
     */
    private static final class Transfers implements PortCore.Transfer {

        private final Map<Object, Object> standIns;
        private final List<TransferableBuffer> buffers;
        private final List<MessagePort> ports;
        private final List<MessagePort> received;

        private Transfers(Map<Object, Object> standIns, List<TransferableBuffer> buffers, List<MessagePort> ports,
                          List<MessagePort> received) {
            this.standIns = standIns;
            this.buffers = buffers;
            this.ports = ports;
            this.received = received;
        }

        /** Validates the list for a message posted through {@code source}. */
        static PortCore.Transfer prepare(List<? extends Transferable> list, PortCore source) {
            if (list.isEmpty()) {
                return PortCore.Transfer.NONE;
            }
            Map<Object, Object> standIns = new IdentityHashMap<>();
            List<TransferableBuffer> buffers = new ArrayList<>();
            List<MessagePort> ports = new ArrayList<>();
            List<MessagePort> received = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Transferable item = list.get(i);
                String at = "transferList[" + i + "]";
                if (item == null) {
                    throw new NullPointerException(at + " is null");
                }
                if (standIns.containsKey(item)) {
                    throw refuse(at, item, "listed twice in the transfer list", "list each value once");
                }
                if (item instanceof TransferableBuffer buffer) {
                    if (buffer.isDetached()) {
                        throw refuse(at, item, "buffer was already detached by a transfer at message "
                                + buffer.detachedByMessage(), "a transferred buffer belongs to its receiver; send a copy instead");
                    }
                    standIns.put(buffer, buffer.standIn());
                    buffers.add(buffer);
                } else if (item instanceof MessagePort port) {
                    if (port.detachedBy != null) {
                        throw refuse(at, item, "port " + port.label() + " was already transferred with " + port.detachedBy,
                                "a transferred port belongs to its receiver; transfer the handle it got in event.ports()");
                    }
                    if (source.isSelfOrPeer(port.core)) {
                        throw refuse(at, item, "port " + port.label() + " is listed in its own transfer list",
                                "a port cannot be sent through itself or its own channel; use another port");
                    }
                    if (port.isClosed()) {
                        throw refuse(at, item, "port " + port.label() + " is closed", "transfer an open port");
                    }
                    MessagePort standIn = new MessagePort(port.core);
                    standIns.put(port, standIn);
                    ports.add(port);
                    received.add(standIn);
                } else {
                    throw refuse(at, item, "not transferable by this runtime",
                            "transfer a TransferableBuffer or a MessagePort; a SharedBuffer is shared without listing it");
                }
            }
            return new Transfers(standIns, buffers, ports, received);
        }

        private static DataCloneException refuse(String at, Object item, String problem, String hint) {
            return new DataCloneException(at, item.getClass().getName(), problem, hint);
        }

        @Override
        public Object replacement(Object original) {
            return standIns.get(original);
        }

        @Override
        public List<?> commit(long messageId, Loop receiver) {
            for (TransferableBuffer buffer : buffers) {
                buffer.detach(messageId);
            }
            for (MessagePort port : ports) {
                port.detachedBy = "message " + messageId + " to " + receiver.ownerLabel();
                port.core.rehome(receiver);
            }
            return received;
        }
    }
}
