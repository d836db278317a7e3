package dev.courier.fuzz;

import dev.courier.fuzz.internal.ScheduleRunner;
import dev.courier.fuzz.internal.ScheduleRunner.Plan;
import dev.courier.fuzz.internal.ScheduleRunner.Send;
import dev.courier.history.DeliveryLog;
import dev.courier.junit.Workers;
import dev.courier.sim.Simulation;
import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import dev.courier.worker.WorkerScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A timed plan of messages from main-side senders to one worker, in virtual time ticks: each sender's bursts
 * (wait {@code pause} ticks after its previous burst, then post {@code count} messages), when the worker adds
 * its message listener ({@code listenerDelay} ticks after its script starts), how many ticks the receiver is
 * busy per message ({@code slowness}), and optionally the tick at which the worker is terminated and a fresh
 * one started ({@code restartAt}). Run it with {@link #runAgainst(WorkerOptions)} against Courier's built-in
 * receiver, with {@link #runAgainst(WorkerScript, WorkerOptions)} against your own worker script, or with
 * {@link #playOn(Workers, WorkerScript)} into your script under a test's (or fuzz try's) simulation.
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
        return new ScheduleRunner(plan(), Objects.requireNonNull(options, "options")).run();
    }

    /**
     * Runs this schedule against the user's own {@code script} instead of the built-in receiver, like
     * {@link #runAgainst(WorkerOptions)}: the senders post on their ticks, a restart starts a fresh worker of the
     * same script; {@code listenerDelay} and {@code slowness} describe the built-in receiver and do not apply (the
     * script decides when it listens and how long it takes). Returns the history.
     */
    public DeliveryLog runAgainst(WorkerScript script, WorkerOptions options) {
        Objects.requireNonNull(script, "script");
        return new ScheduleRunner(plan(), Objects.requireNonNull(options, "options"), script, new Simulation(0L), null)
                .run();
    }

    /**
     * Plays this schedule into a worker of {@code script} started by {@code workers} (a test's or a fuzz try's
     * {@code Workers}, whose options must schedule on a {@code Simulation}), on that simulation, so the test's
     * log, teardown and interleaving choices cover it. Returns the worker left running (teardown closes it).
     *
     * @throws IllegalArgumentException if {@code workers} do not run on a simulation
     */
    public Worker playOn(Workers workers, WorkerScript script) {
        return ScheduleRunner.playOn(plan(), Objects.requireNonNull(workers, "workers"),
                Objects.requireNonNull(script, "script"));
    }

    /** Every sender's messages on their ticks: {@code "sender-<i> #<n>"}, counted from 1 per sender. */
    private Plan plan() {
        List<Send> sends = new ArrayList<>();
        for (int sender = 0; sender < senders.size(); sender++) {
            int at = 0;
            int count = 0;
            for (Burst burst : senders.get(sender).bursts()) {
                at += burst.pause();
                for (int i = 0; i < burst.count(); i++) {
                    sends.add(new Send(at, sender, "sender-" + (sender + 1) + " #" + ++count));
                }
            }
        }
        return new Plan(sends, listenerDelay, slowness, restartAt);
    }

    private static void nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be 0 or more, got " + value);
        }
    }
}
