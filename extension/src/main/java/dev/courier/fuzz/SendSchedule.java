package dev.courier.fuzz;

import dev.courier.history.DeliveryLog;
import dev.courier.worker.WorkerOptions;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A timed plan of messages from main-side senders to one worker, in virtual time ticks: each sender's bursts
 * (wait {@code pause} ticks after its previous burst, then post {@code count} messages), when the worker adds
 * its message listener ({@code listenerDelay} ticks after its script starts), how many ticks the receiver is
 * busy per message ({@code slowness}), and optionally the tick at which the worker is terminated and a fresh
 * one started ({@code restartAt}). Run it with {@link #runAgainst(WorkerOptions)}.
 *
 * @param senders       one or more senders, posting in this order within a tick
 * @param listenerDelay ticks from the script's start to adding the listener (0: synchronously in the script)
 * @param slowness      ticks the receiver is busy with each message (0: handled at once)
 * @param restartAt     the tick at which the worker is terminated and restarted, if any
 */
public record SendSchedule(List<Sender> senders, int listenerDelay, int slowness, OptionalInt restartAt) {

    /** Validates and copies the senders. */
    public SendSchedule {
        senders = List.copyOf(Objects.requireNonNull(senders, "senders"));
        if (senders.isEmpty()) {
            throw new IllegalArgumentException("a send schedule needs at least one sender");
        }
        nonNegative("listenerDelay", listenerDelay);
        nonNegative("slowness", slowness);
        Objects.requireNonNull(restartAt, "restartAt (use OptionalInt.empty() for no restart)");
        restartAt.ifPresent(tick -> nonNegative("restartAt", tick));
    }

    /**
     * One sender's bursts, in order.
     *
     * @param bursts at least one burst
     */
    public record Sender(List<Burst> bursts) {
        /** Validates and copies the bursts. */
        public Sender {
            bursts = List.copyOf(Objects.requireNonNull(bursts, "bursts"));
            if (bursts.isEmpty()) {
                throw new IllegalArgumentException("a sender needs at least one burst");
            }
        }

        /** The messages this sender posts. */
        public int messageCount() {
            return bursts.stream().mapToInt(Burst::count).sum();
        }
    }

    /**
     * Wait {@code pause} ticks after the sender's previous burst (or the start), then post {@code count} messages.
     *
     * @param pause ticks to wait, 0 or more
     * @param count messages, 1 or more
     */
    public record Burst(int pause, int count) {
        /** Validates pause and count. */
        public Burst {
            nonNegative("pause", pause);
            if (count < 1) {
                throw new IllegalArgumentException("a burst posts at least one message, got count " + count);
            }
        }
    }

    /** The messages all senders post. */
    public int messageCount() {
        return senders.stream().mapToInt(Sender::messageCount).sum();
    }

    /** Runs this schedule against a worker set up by {@code options}; see {@link ScheduleRun#run}. */
    public DeliveryLog runAgainst(WorkerOptions options) {
        return ScheduleRun.run(this, options);
    }

    private static void nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be 0 or more, got " + value);
        }
    }
}
