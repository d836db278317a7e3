package dev.courier.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecksOfALogTests {

    @Test
    void eachCheckOfALogReportsWhatTheSameCheckOfItsSnapshotReports() {
        // GIVEN a log with one message handled, one still queued, and a worker's lifecycle
        DeliveryLog log = DeliveryLog.create(() -> 1_000L);
        log.writer().record(EventKind.WORKER_ONLINE).about("w#1").append();
        log.writer().record(EventKind.SENT).message(1, 1).between("main", "w#1").append();
        log.writer().record(EventKind.ENQUEUED).message(1, 1).between("main", "w#1").number(1).append();
        log.writer().record(EventKind.DELIVERED).message(1, 1).between("main", "w#1").append();
        log.writer().record(EventKind.HANDLED).message(1, 1).between("main", "w#1").outcome(Outcome.OK).append();
        log.writer().record(EventKind.SENT).message(2, 2).between("main", "w#1").append();
        log.writer().record(EventKind.ENQUEUED).message(2, 2).between("main", "w#1").number(1).append();
        HistorySnapshot snapshot = log.snapshot();

        // WHEN each check runs on the log and on its snapshot
        // THEN the reports are there and the same
        assertThat(Checks.latency(log)).isNotNull().usingRecursiveComparison().isEqualTo(Checks.latency(snapshot));
        assertThat(Checks.fidelity(log)).isNotNull().usingRecursiveComparison().isEqualTo(Checks.fidelity(snapshot));
        assertThat(Checks.lifecycle(log)).isNotNull().usingRecursiveComparison()
                .isEqualTo(Checks.lifecycle(snapshot));
        assertThat(Checks.queues(log)).isNotNull().usingRecursiveComparison().isEqualTo(Checks.queues(snapshot));
        assertThat(Checks.handling(snapshot).handled()).isEqualTo(1);
        assertThat(Checks.delivery(log).pending()).hasSize(1);
    }
}
