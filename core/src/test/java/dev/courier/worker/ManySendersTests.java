package dev.courier.worker;

import static dev.courier.worker.Histories.awaitEvents;
import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.DeliveryLog;
import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** S1 + S11 + S13: many senders into one worker keep per-sender FIFO, and the history counts add up. */
class ManySendersTests {

    private static final int SENDERS = 4;
    private static final int PER_SENDER = 25_000;

    @AfterAll
    static void noWorkerThreadOutlivesTheClass() throws InterruptedException {
        WorkerThreads.assertNoneAlive();
    }

    @Test
    void hundredThousandMessagesFromFourSendersArriveInPerSenderOrderWithExactCounts() throws Exception {
        // GIVEN a worker that listens on every port it is given, noting (sender, value) in arrival order
        List<String> arrivals = new ArrayList<>();
        Worker worker = Worker.start(ctx -> ctx.parentPort().onMessage(e -> e.ports().get(0)
                .onMessage(m -> arrivals.add(m.sender() + "=" + m.data()))), WorkerOptions.defaults().name("sink"));
        DeliveryLog log = worker.log();
        List<MessageChannel> channels = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            MessageChannel channel = new MessageChannel(log);
            channels.add(channel);
            worker.postMessage(channel.port2(), List.of(channel.port2()));
        }
        // WHEN four threads each send 25,000 messages through their own channel
        List<Thread> senders = new ArrayList<>();
        for (MessageChannel channel : channels) {
            Thread sender = new Thread(() -> {
                for (int i = 1; i <= PER_SENDER; i++) {
                    channel.port1().postMessage(i);
                }
            }, "sender-" + channel.name());
            senders.add(sender);
            sender.start();
        }
        for (Thread sender : senders) {
            TimeUnit.SECONDS.timedJoin(sender, 20);
            assertThat(sender.isAlive()).as("%s finished sending", sender.getName()).isFalse();
        }
        awaitEvents(log, e -> e.kind() == EventKind.HANDLED && e.sender().startsWith("channel-"), SENDERS * PER_SENDER);
        worker.terminate().get(10, TimeUnit.SECONDS);
        // THEN SENT = ENQUEUED = DELIVERED = HANDLED = 100,000 for the channel senders
        HistorySnapshot history = log.snapshot();
        Map<EventKind, Integer> counts = new HashMap<>();
        Map<String, Long> lastSequence = new HashMap<>();
        for (int i = 0; i < history.size(); i++) {
            String sender = history.sender(i);
            if (sender == null || !sender.startsWith("channel-")) {
                continue;
            }
            counts.merge(history.kind(i), 1, Integer::sum);
            if (history.kind(i) == EventKind.DELIVERED) {
                long previous = lastSequence.getOrDefault(sender, 0L);
                assertThat(history.sequence(i)).as("delivery from %s after sequence %s", sender, previous)
                        .isEqualTo(previous + 1);
                lastSequence.put(sender, previous + 1);
            }
        }
        int total = SENDERS * PER_SENDER;
        assertThat(counts).containsEntry(EventKind.SENT, total).containsEntry(EventKind.ENQUEUED, total)
                .containsEntry(EventKind.DELIVERED, total).containsEntry(EventKind.HANDLED, total)
                .doesNotContainKey(EventKind.DROPPED);
        assertThat(lastSequence).hasSize(SENDERS).allSatisfy((sender, last) -> assertThat(last).isEqualTo(PER_SENDER));
        // and the listener saw each sender's values in order (the arrivals list is read after the worker ended)
        Map<String, Integer> lastValue = new HashMap<>();
        for (String arrival : arrivals) {
            String[] parts = arrival.split("=");
            int value = Integer.parseInt(parts[1]);
            assertThat(value).isEqualTo(lastValue.getOrDefault(parts[0], 0) + 1);
            lastValue.put(parts[0], value);
        }
        assertThat(arrivals).hasSize(total);
    }
}
