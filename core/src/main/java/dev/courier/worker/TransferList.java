package dev.courier.worker;

import dev.courier.clone.DataCloneException;
import dev.courier.clone.TransferContext;
import dev.courier.clone.Transferable;
import dev.courier.worker.internal.Loop;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code postMessage} call's transfer list (S9), validated up front: maps each listed value to its
 * receiving-side stand-in for the codec, and, only after the encode succeeded, detaches the buffers and
 * re-homes the ports ({@link #commit}), so a failed send moves nothing. A {@link SharedBuffer} is never
 * listed: copying codecs pass it by reference as a {@code SharedByReference} value.
 *
 * <p>Thread contract: confined to the posting thread for one call.
 */
final class TransferList implements TransferContext {

    static final TransferList NONE = new TransferList(new IdentityHashMap<>(), List.of(), List.of());

    private final Map<Object, Object> standIns;
    private final List<TransferableBuffer> buffers;
    private final List<MessagePort> ports;

    private TransferList(Map<Object, Object> standIns, List<TransferableBuffer> buffers, List<MessagePort> ports) {
        this.standIns = standIns;
        this.buffers = buffers;
        this.ports = ports;
    }

    /** Validates the list for a message posted through {@code source}. */
    static TransferList prepare(List<? extends Transferable> list, MessagePort source) {
        if (list.isEmpty()) {
            return NONE;
        }
        Map<Object, Object> standIns = new IdentityHashMap<>();
        List<TransferableBuffer> buffers = new ArrayList<>();
        List<MessagePort> ports = new ArrayList<>();
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
                if (port == source || port == source.peer()) {
                    throw refuse(at, item, "port " + port.label() + " is listed in its own transfer list",
                            "a port cannot be sent through itself or its own channel; use another port");
                }
                if (port.isClosed()) {
                    throw refuse(at, item, "port " + port.label() + " is closed", "transfer an open port");
                }
                standIns.put(port, port);
                ports.add(port);
            } else {
                throw refuse(at, item, "not transferable by this runtime",
                        "transfer a TransferableBuffer or a MessagePort; a SharedBuffer is shared without listing it");
            }
        }
        return new TransferList(standIns, buffers, ports);
    }

    private static DataCloneException refuse(String at, Object item, String problem, String hint) {
        return new DataCloneException(at, item.getClass().getName(), problem, hint);
    }

    @Override
    public Object replacement(Object original) {
        return standIns.isEmpty() ? null : standIns.get(original);
    }

    /** The encode succeeded: detach the buffers and hand the ports to the loop that owns the receiving port. */
    void commit(long messageId, PortDispatch receiver) {
        for (TransferableBuffer buffer : buffers) {
            buffer.detach(messageId);
        }
        if (ports.isEmpty()) {
            return;
        }
        Loop receiverLoop = receiver.owner();
        for (MessagePort port : ports) {
            port.rehome(receiverLoop);
        }
    }

    /** The transferred ports, in list order. */
    List<MessagePort> ports() {
        return ports;
    }
}
