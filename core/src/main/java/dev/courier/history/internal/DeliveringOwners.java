package dev.courier.history.internal;

import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who delivers for each receiving endpoint, as a scan moves through the history. An endpoint delivers
 * for itself until a {@link EventKind#PORT_TRANSFERRED} event hands it to an owner (a worker, or
 * {@code main}); from then on its deliveries belong to that owner, together with the owner's own. Owners
 * are ids: the endpoint id when the owner's label is an endpoint of the snapshot (a worker that received
 * messages on its parentPort), otherwise an id at or past {@link HistorySnapshot#endpointIdBound()}.
 *
 * <p>Thread contract: used by one scan on one thread, which feeds it the transfer events in index order.
 */
final class DeliveringOwners {

    private final HistorySnapshot snapshot;
    private final int endpoints;
    private final int[] ownerOf;
    private final List<String> otherLabels = new ArrayList<>();
    private Map<String, Integer> idsByLabel;

    DeliveringOwners(HistorySnapshot snapshot) {
        this.snapshot = snapshot;
        this.endpoints = snapshot.endpointIdBound();
        this.ownerOf = new int[endpoints];
        for (int id = 0; id < endpoints; id++) {
            ownerOf[id] = id;
        }
    }

    /** One more than the largest owner id this snapshot can produce: size arrays indexed by owner with it. */
    int bound() {
        return endpoints + snapshot.count(EventKind.PORT_TRANSFERRED);
    }

    /** Applies the PORT_TRANSFERRED event at {@code index}; one without an owner label changes nothing. */
    void transferred(int index) {
        String owner = snapshot.detail(index);
        int port = snapshot.receiverId(index);
        if (owner != null && port != 0) {
            ownerOf[port] = idOf(owner);
        }
    }

    /** The owner delivering for {@code receiverId} at this point of the scan. */
    int ownerOf(int receiverId) {
        return ownerOf[receiverId];
    }

    /** The label of an owner id. */
    String label(int owner) {
        return owner < endpoints ? snapshot.endpointLabel(owner) : otherLabels.get(owner - endpoints);
    }

    private int idOf(String label) {
        if (idsByLabel == null) {
            idsByLabel = new HashMap<>();
            for (int id = 1; id < endpoints; id++) {
                idsByLabel.put(snapshot.endpointLabel(id), id);
            }
        }
        return idsByLabel.computeIfAbsent(label, unknown -> {
            otherLabels.add(unknown);
            return endpoints + otherLabels.size() - 1;
        });
    }
}
