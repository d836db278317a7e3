package dev.courier.benchmarks;

import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import dev.courier.history.Outcome;

/**
 * Heap cost of the delivery history per recorded message, without payloads: records {@code n} messages the
 * way the runtime does (SENT, ENQUEUED, DELIVERED, HANDLED) and divides the heap growth by {@code n}.
 * A heap measurement, not JMH: averaged over a million messages the GC noise is small.
 */
final class HistoryMemory {

    private HistoryMemory() {
    }

    static void measure(Scores scores, int messages) {
        long before = usedAfterGc();
        DeliveryLog log = DeliveryLog.create();
        for (int i = 1; i <= messages; i++) {
            long id = log.writer().nextMessageId();
            log.writer().record(EventKind.SENT).message(id, i).between("main", "worker#1").append();
            log.writer().record(EventKind.ENQUEUED).message(id, i).between("main", "worker#1").number(1).append();
            log.writer().record(EventKind.DELIVERED).message(id, i).between("main", "worker#1").append();
            log.writer().record(EventKind.HANDLED).message(id, i).between("main", "worker#1").outcome(Outcome.OK).append();
        }
        long after = usedAfterGc();
        scores.put("history.bytesPerMessage", (after - before) / (double) messages, "bytes");
        if (log.size() != messages * 4) {
            throw new IllegalStateException("recorded " + log.size() + " events");
        }
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
