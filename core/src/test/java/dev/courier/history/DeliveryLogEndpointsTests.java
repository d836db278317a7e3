package dev.courier.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeliveryLogEndpointsTests {

    @Test
    void theLastEndpointGivenOutAndNoEndpointAreAcceptedOnTheFastPath() {
        // GIVEN a log that gave out ids for two endpoints
        DeliveryLog log = DeliveryLog.create();
        int main = log.writer().endpointId("main");
        int sink = log.writer().endpointId("sink#1");

        // WHEN events are appended between them, and from no endpoint
        log.writer().appendMessageEvent(EventKind.SENT, 1, 1, main, sink, 0, Outcome.NONE);
        log.writer().appendMessageEvent(EventKind.DELIVERED, 1, 1, 0, sink, 0, Outcome.NONE);

        // THEN both are recorded with their labels; "no endpoint" reads back as null
        HistorySnapshot snapshot = log.snapshot();
        assertThat(snapshot.size()).isEqualTo(2);
        assertThat(snapshot.sender(0)).isEqualTo("main");
        assertThat(snapshot.receiver(0)).isEqualTo("sink#1");
        assertThat(snapshot.sender(1)).isNull();
        assertThat(snapshot.endpointIdBound()).isEqualTo(3);
    }

    @Test
    void idsBelowZeroOrPastTheLastOneGivenOutAreRefusedNamingBoth() {
        // GIVEN a log that gave out ids 1 and 2
        DeliveryLog log = DeliveryLog.create();
        int main = log.writer().endpointId("main");
        int sink = log.writer().endpointId("sink#1");

        // WHEN / THEN a sender of -1 and a receiver of 3 are refused, and nothing is recorded
        assertThatThrownBy(() -> log.writer().appendMessageEvent(EventKind.SENT, 1, 1, -1, sink, 0, Outcome.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("endpoint ids -1 -> 2 were not obtained from this log's endpointId (it knows 2 endpoints)");
        assertThatThrownBy(() -> log.writer().appendMessageEvent(EventKind.SENT, 1, 1, main, 3, 0, Outcome.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("endpoint ids 1 -> 3 were not obtained from this log's endpointId (it knows 2 endpoints)");
        assertThatThrownBy(() -> log.writer().appendMessageEvent(EventKind.SENT, 1, 1, 3, sink, 0, Outcome.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.writer().appendMessageEvent(EventKind.SENT, 1, 1, main, -1, 0, Outcome.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(log.size()).isZero();
        assertThat(log.snapshot().isEmpty()).isTrue();
    }

    @Test
    void manyEndpointsKeepTheirOwnIdsAndLabels() {
        // GIVEN a log that knows main
        DeliveryLog log = DeliveryLog.create();
        int main = log.writer().endpointId("main");

        // WHEN 100 endpoints each get an id twice, and an event names each
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int id = log.writer().endpointId("w#" + i);
            assertThat(log.writer().endpointId("w#" + i)).isEqualTo(id);
            ids.add(id);
            log.writer().record(EventKind.SENT).message(i + 1L, 1).between("w#" + i, "main").append();
        }

        // THEN the ids count on from main's, and every event reads back its own sender
        assertThat(main).isEqualTo(1);
        assertThat(ids).containsExactlyElementsOf(IntStream.rangeClosed(2, 101).boxed().toList());
        HistorySnapshot snapshot = log.snapshot();
        for (int i = 0; i < 100; i++) {
            assertThat(snapshot.sender(i)).isEqualTo("w#" + i);
            assertThat(snapshot.endpointLabel(ids.get(i))).isEqualTo("w#" + i);
        }
        assertThat(snapshot.endpointIdBound()).isEqualTo(102);
    }

    @Test
    void aLogReadsItsOwnClockAndCountsItsEvents() {
        // GIVEN a log on a clock at 40 ns
        AtomicLong clock = new AtomicLong(40);
        DeliveryLog log = DeliveryLog.create(clock::get);

        // WHEN two events are appended, the clock moving between them
        log.writer().record(EventKind.SENT).message(1, 1).between("main", "w#1").append();
        clock.set(75);
        log.writer().record(EventKind.DELIVERED).message(1, 1).between("main", "w#1").append();

        // THEN the log tells the clock's time, its size, and stamps each event
        assertThat(log.nanoTime()).isEqualTo(75L);
        assertThat(log.size()).isEqualTo(2);
        assertThat(log).hasToString("DeliveryLog[2 events]");
        assertThat(log.snapshot().timeNanos(0)).isEqualTo(40L);
        assertThat(log.snapshot().timeNanos(1)).isEqualTo(75L);
        assertThat(log.snapshot().isEmpty()).isFalse();
    }

    @Test
    void readingPastTheEndOfASnapshotIsRefusedNamingTheIndexAndSize() {
        // GIVEN a snapshot of one event
        DeliveryLog log = DeliveryLog.create();
        log.writer().record(EventKind.SENT).message(1, 1).between("main", "w#1").append();
        HistorySnapshot snapshot = log.snapshot();

        // WHEN / THEN reading event 1 or -1 is refused, event 0 is read
        assertThatThrownBy(() -> snapshot.kind(1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("event 1 of a snapshot with 1 events");
        assertThatThrownBy(() -> snapshot.kind(-1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("event -1 of a snapshot with 1 events");
        assertThat(snapshot.kind(0)).isEqualTo(EventKind.SENT);
    }
}
