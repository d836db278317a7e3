package dev.courier.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The draft a recorder fills: named meanings of the number column, and one append per draft. */
class EventDraftTests {

    @Test
    void namedNumberSettersLandWhereTheReaderLooksForThem() {
        // GIVEN a log
        DeliveryLog log = DeliveryLog.create();
        // WHEN a drop, an exit and a listener change are recorded through the named setters
        log.writer().record(EventKind.DROPPED).message(1, 1).between("main", "w#1").cause(DropCause.OVERFLOW).queueDepth(4)
                .append();
        log.writer().record(EventKind.WORKER_EXIT).about("w#1").exitCode(3).append();
        log.writer().record(EventKind.LISTENER_ADDED).about("w#1").detail("message").listenerCount(2).append();
        // THEN each reads back under its own name
        assertThat(log.events().get(0).queueDepth()).isEqualTo(4);
        assertThat(log.events().get(1).exitCode()).isEqualTo(3);
        assertThat(log.events().get(2).listenerCount()).isEqualTo(2);
    }

    @Test
    void aDraftAppendedTwiceIsRefusedAndRecordedOnce() {
        // GIVEN a draft appended once
        DeliveryLog log = DeliveryLog.create();
        EventDraft draft = log.writer().record(EventKind.WORKER_ONLINE).about("w#1");
        draft.append();
        // WHEN it is appended again THEN it is refused with what to do, and the log holds one event
        assertThatThrownBy(draft::append).isInstanceOf(IllegalStateException.class)
                .hasMessage("this draft was already appended: obtain a new one from HistoryWriter.record");
        assertThat(log.events()).hasSize(1);
    }
}
