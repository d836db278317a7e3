package dev.courier.assertions;

import dev.courier.history.DropCause;
import dev.courier.history.History;

/**
 * Core's hand-made histories on a manual clock, plus what the assertion tests add: endpoints to assert on and
 * a ready-made late-listener history. Thread contract as {@link History}'s.
 */
final class Recorder extends History {

    @Override
    public Recorder at(long millisLater) {
        super.at(millisLater);
        return this;
    }

    DeliveryEndpoint endpoint(String label) {
        return DeliveryEndpoint.of(label, log);
    }

    /** A worker that registers its listener 12 ms after it started, 3 of 5 messages dropped meanwhile. */
    Recorder lateListener() {
        online("transcoder#3", "transcoder");
        for (long id = 1; id <= 3; id++) {
            at(2).sentAndDropped(id, "main", "transcoder#3", DropCause.NO_LISTENER);
        }
        at(6).listenerAdded("transcoder#3", "message", 1);
        roundTrip(4, 4, "main", "transcoder#3");
        roundTrip(5, 5, "main", "transcoder#3");
        return this;
    }
}
