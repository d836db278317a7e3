package dev.courier.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageEventFastPathTests {

    @Test
    void appendMessageEventRecordsTheSameEventAsADraft() {
        // GIVEN two logs on the same fixed clock
        DeliveryLog viaDraft = DeliveryLog.create(() -> 7L);
        DeliveryLog viaIds = DeliveryLog.create(() -> 7L);

        // WHEN one records through drafts and the other through interned ids
        viaDraft.writer().record(EventKind.ENQUEUED).message(3, 2).between("main", "sink#1").number(5).append();
        viaDraft.writer().record(EventKind.HANDLED).message(3, 2).between("main", "sink#1").outcome(Outcome.OK).append();
        int main = viaIds.writer().endpointId("main");
        int sink = viaIds.writer().endpointId("sink#1");
        viaIds.writer().appendMessageEvent(EventKind.ENQUEUED, 3, 2, main, sink, 5, Outcome.NONE);
        long index = viaIds.writer().appendMessageEvent(EventKind.HANDLED, 3, 2, main, sink, 0, Outcome.OK);

        // THEN the histories are event for event the same, endpoint ids included
        assertThat(index).isEqualTo(1);
        assertThat(viaIds.events()).isEqualTo(viaDraft.events());
        HistorySnapshot snapshot = viaIds.snapshot();
        assertThat(snapshot.senderId(1)).isEqualTo(viaDraft.snapshot().senderId(1)).isEqualTo(main);
        assertThat(snapshot.cause(0)).isNull();
    }

    @Test
    void endpointIdInternsEachLabelOnce() {
        // GIVEN a log that already knows one endpoint from a draft
        DeliveryLog log = DeliveryLog.create();
        log.writer().record(EventKind.WORKER_ONLINE).about("sink#1").append();

        // WHEN ids are asked for a known label, a new label and no label
        int known = log.writer().endpointId("sink#1");
        int fresh = log.writer().endpointId("main");

        // THEN the known label keeps its id, the new one gets the next, null is "none"
        assertThat(known).isEqualTo(log.snapshot().receiverId(0));
        assertThat(fresh).isEqualTo(known + 1);
        assertThat(log.writer().endpointId("main")).isEqualTo(fresh);
        assertThat(log.writer().endpointId(null)).isZero();
    }

    @Test
    void appendMessageEventRejectsAnIdTheLogNeverGaveOut() {
        // GIVEN a log that knows a single endpoint
        DeliveryLog log = DeliveryLog.create();
        int main = log.writer().endpointId("main");

        // WHEN / THEN an unknown receiver id is refused, and nothing is recorded
        assertThatThrownBy(() -> log.writer().appendMessageEvent(EventKind.SENT, 1, 1, main, 9, 0, Outcome.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("endpoint ids 1 -> 9 were not obtained from this log's endpointId (it knows 1 endpoints)");
        assertThat(log.size()).isZero();
    }
}
