package dev.courier.benchmarks;

import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DeliveryReport;
import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.OrderReport;
import dev.courier.history.Outcome;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Checking a 10,000,000-event history (2.5 million messages from 4 senders, each SENT, ENQUEUED,
 * DELIVERED and HANDLED) for delivery counts and per-sender order, on one thread. Seconds per check.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HistoryCheckBenchmark {

    static final int EVENTS = 10_000_000;
    private static final String[] SENDERS = {"producer-1", "producer-2", "producer-3", "producer-4"};

    private HistorySnapshot snapshot;

    @Setup(Level.Trial)
    public void setUp() {
        DeliveryLog log = DeliveryLog.create();
        int messages = EVENTS / 4;
        for (int i = 0; i < messages; i++) {
            String sender = SENDERS[i % SENDERS.length];
            long sequence = i / SENDERS.length + 1;
            long id = log.writer().nextMessageId();
            log.writer().record(EventKind.SENT).message(id, sequence).between(sender, "sink#1").append();
            log.writer().record(EventKind.ENQUEUED).message(id, sequence).between(sender, "sink#1").number(1).append();
            log.writer().record(EventKind.DELIVERED).message(id, sequence).between(sender, "sink#1").append();
            log.writer().record(EventKind.HANDLED).message(id, sequence).between(sender, "sink#1").outcome(Outcome.OK).append();
        }
        snapshot = log.snapshot();
    }

    @Benchmark
    public boolean countsAndOrder() {
        DeliveryReport delivery = Checks.delivery(snapshot);
        OrderReport order = Checks.order(snapshot);
        if (delivery.ok() != EVENTS / 4) {
            throw new IllegalStateException("expected every message ok: " + delivery.ok());
        }
        return order.isInSendOrderPerSender();
    }
}
