package dev.courier.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SparseMessageIdsTests {

    private static DeliveryLog handledOnce(List<Long> ids, long lostId) {
        DeliveryLog log = DeliveryLog.create();
        for (long id : ids) {
            log.writer().record(EventKind.SENT).message(id, 1).between("main", "w#1").append();
            if (id == lostId) {
                continue;
            }
            log.writer().record(EventKind.DELIVERED).message(id, 1).between("main", "w#1").append();
            log.writer().record(EventKind.HANDLED).message(id, 1).between("main", "w#1").outcome(Outcome.OK).append();
        }
        return log;
    }

    @Test
    void messageIdsFarApartAreEachCountedOnce() {
        // GIVEN messages whose ids span the whole long range, one of them never delivered
        List<Long> ids = List.of(Long.MIN_VALUE + 1, -1L, 0L, 1L, 1L << 40, Long.MAX_VALUE - 1);

        // WHEN delivery is checked
        DeliveryReport report = Checks.delivery(handledOnce(ids, 1L << 40));

        // THEN five were delivered once, the sixth is pending, none duplicated
        assertThat(report.sentCount()).isEqualTo(6);
        assertThat(report.ok()).isEqualTo(5);
        assertThat(report.pending()).hasSize(1);
        assertThat(report.duplicated()).isEmpty();
        assertThat(report.unexpected()).isEmpty();
        assertThat(report.toString()).startsWith("sent 6, delivered 5, ok 5, lost 0, duplicated 0, unexpected 0,"
                + " pending 1");
    }

    @Test
    void idsJustDenserThanTheDirectTableAndJustSparserAreCountedAlike() {
        // GIVEN two histories of 100 messages: ids 1..100, and ids 100 apart
        List<Long> dense = LongStream.rangeClosed(1, 100).boxed().toList();
        List<Long> sparse = LongStream.rangeClosed(1, 100).map(i -> i * 100).boxed().toList();

        // WHEN delivery is checked on each, one message of each never delivered
        DeliveryReport denseReport = Checks.delivery(handledOnce(dense, 50));
        DeliveryReport sparseReport = Checks.delivery(handledOnce(sparse, 5_000));

        // THEN both count 99 ok and one pending, which is the one never delivered
        for (DeliveryReport report : List.of(denseReport, sparseReport)) {
            assertThat(report.ok()).isEqualTo(99);
            assertThat(report.pending()).hasSize(1);
            assertThat(report.duplicated()).isEmpty();
        }
    }
}
