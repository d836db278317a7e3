package dev.courier.worker;

import dev.courier.clone.Codecs;
import dev.courier.clone.MessageCodec;
import dev.courier.history.DeliveryLog;
import dev.courier.history.internal.DurationText;
import dev.courier.worker.internal.PortSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How a worker (or a {@link MessageChannel}) is set up. Immutable: every option method returns a new
 * instance, so a shared base can be specialised freely from any thread.
 */
public final class WorkerOptions {

    /**
     * The capacity of an unbounded queue, {@value}: the one convention of every Courier option that takes a
     * capacity ({@link #capacity(int)}, the extension's builder, {@code @DeliveryOptions}, {@code courier.capacity}).
     */
    public static final int UNBOUNDED = 0;

    private static final WorkerOptions DEFAULTS = new WorkerOptions("worker", null, null, Codecs.structuredClone(),
            ListenerPolicy.QUEUE_UNTIL_STARTED, UNBOUNDED, OverflowPolicy.BLOCK, false, Duration.ofSeconds(5),
            Duration.ofSeconds(5), Duration.ofSeconds(2), Scheduler.system(), false);

    private final String name;
    private final Object workerData;
    private final DeliveryLog log;
    private final MessageCodec codec;
    private final ListenerPolicy listenerPolicy;
    private final int capacity;
    private final OverflowPolicy overflow;
    private final boolean retainPayloads;
    private final Duration drainTimeout;
    private final Duration blockTimeout;
    private final Duration stopTimeout;
    private final Scheduler scheduler;
    private final boolean detectMutationInFlight;

    private WorkerOptions(String name, Object workerData, DeliveryLog log, MessageCodec codec,
                          ListenerPolicy listenerPolicy, int capacity, OverflowPolicy overflow, boolean retainPayloads,
                          Duration drainTimeout, Duration blockTimeout, Duration stopTimeout, Scheduler scheduler,
                          boolean detectMutationInFlight) {
        this.name = name;
        this.workerData = workerData;
        this.log = log;
        this.codec = codec;
        this.listenerPolicy = listenerPolicy;
        this.capacity = capacity;
        this.overflow = overflow;
        this.retainPayloads = retainPayloads;
        this.drainTimeout = drainTimeout;
        this.blockTimeout = blockTimeout;
        this.stopTimeout = stopTimeout;
        this.scheduler = scheduler;
        this.detectMutationInFlight = detectMutationInFlight;
    }

    /**
     * Name "worker", no data, a fresh log per worker, structured clone, QUEUE_UNTIL_STARTED, unbounded
     * queues (overflow BLOCK once bounded), payloads not retained, no mutation detection, drain 5 s,
     * block 5 s, stop 2 s, real threads and time.
     */
    public static WorkerOptions defaults() {
        return DEFAULTS;
    }

    private WorkerOptions with(String name, Object workerData, DeliveryLog log, MessageCodec codec,
                               ListenerPolicy listenerPolicy, int capacity, OverflowPolicy overflow,
                               boolean retainPayloads, Duration drainTimeout, Duration blockTimeout,
                               Duration stopTimeout, Scheduler scheduler, boolean detectMutationInFlight) {
        return new WorkerOptions(name, workerData, log, codec, listenerPolicy, capacity, overflow, retainPayloads,
                drainTimeout, blockTimeout, stopTimeout, scheduler, detectMutationInFlight);
    }

    /** The worker's name: thread {@code courier-worker-<name>-<id>}, label {@code <name>#<id>}. Not blank. */
    public WorkerOptions name(String value) {
        Objects.requireNonNull(value, "name");
        if (value.isBlank() || value.contains("#")) {
            throw new IllegalArgumentException("worker name must be non-blank and contain no '#': \"" + value + "\"");
        }
        return with(value, workerData, log, codec, listenerPolicy, capacity, overflow, retainPayloads, drainTimeout,
                blockTimeout, stopTimeout, scheduler, detectMutationInFlight);
    }

    /** Data cloned (with the codec) into the worker at start; null is allowed. */
    public WorkerOptions workerData(Object value) {
        return with(name, value, log, codec, listenerPolicy, capacity, overflow, retainPayloads, drainTimeout,
                blockTimeout, stopTimeout, scheduler, detectMutationInFlight);
    }

    /** The log to record into; by default each worker gets a fresh one stamped by the scheduler's clock. */
    public WorkerOptions log(DeliveryLog value) {
        return with(name, workerData, Objects.requireNonNull(value, "log"), codec, listenerPolicy, capacity, overflow,
                retainPayloads, drainTimeout, blockTimeout, stopTimeout, scheduler, detectMutationInFlight);
    }

    /** How payloads cross (default {@link Codecs#structuredClone()}). */
    public WorkerOptions codec(MessageCodec value) {
        return with(name, workerData, log, Objects.requireNonNull(value, "codec"), listenerPolicy, capacity, overflow,
                retainPayloads, drainTimeout, blockTimeout, stopTimeout, scheduler, detectMutationInFlight);
    }

    /** What ports do with messages while no listener is attached (S4). */
    public WorkerOptions listenerPolicy(ListenerPolicy value) {
        return with(name, workerData, log, codec, Objects.requireNonNull(value, "listenerPolicy"), capacity, overflow,
                retainPayloads, drainTimeout, blockTimeout, stopTimeout, scheduler, detectMutationInFlight);
    }

    /**
     * Bounds every queue of the worker (or channel) to {@code value} messages, or unbounds them with
     * {@link #UNBOUNDED} (0, the default).
     */
    public WorkerOptions capacity(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("capacity must be positive, or " + UNBOUNDED
                    + " (WorkerOptions.UNBOUNDED) for unbounded queues, was " + value);
        }
        return with(name, workerData, log, codec, listenerPolicy, value, overflow, retainPayloads, drainTimeout,
                blockTimeout, stopTimeout, scheduler, detectMutationInFlight);
    }

    /** What a full bounded queue does (default BLOCK). */
    public WorkerOptions overflow(OverflowPolicy value) {
        return with(name, workerData, log, codec, listenerPolicy, capacity, Objects.requireNonNull(value, "overflow"),
                retainPayloads, drainTimeout, blockTimeout, stopTimeout, scheduler, detectMutationInFlight);
    }

    /**
     * Attach the sent payload to SENT events and the decoded value to DELIVERED events, for fidelity and
     * per-key order checks. The log keeps references, not copies: a payload the sender changes after
     * posting (or the receiver after delivery) is seen changed by a later check, so compare before changing
     * them, or send fresh objects.
     */
    public WorkerOptions retainPayloads(boolean value) {
        return with(name, workerData, log, codec, listenerPolicy, capacity, overflow, value, drainTimeout,
                blockTimeout, stopTimeout, scheduler, detectMutationInFlight);
    }

    /**
     * Detect mutation in flight: when on and the codec {@link MessageCodec#sharesReferences() shares
     * references} (e.g. {@link Codecs#identity()}), each post takes a deep snapshot of the payload
     * ({@link dev.courier.clone.Fidelity#snapshot}) and delivery compares the payload with it before the
     * listeners run, recording MUTATED_IN_FLIGHT with the changed paths when the sender changed the payload
     * after posting it. A payload that cannot be snapshot is sent anyway, its SENT detail saying why. Cost
     * per message: one deep copy at send plus one structural comparison at delivery; off by default. With a
     * copying codec (such as the structured clone) the receiver's copy is isolated, so nothing is done.
     */
    public WorkerOptions detectMutationInFlight(boolean value) {
        return with(name, workerData, log, codec, listenerPolicy, capacity, overflow, retainPayloads, drainTimeout,
                blockTimeout, stopTimeout, scheduler, value);
    }

    /** How long {@code close()} waits for the worker to handle what is queued before terminating it. */
    public WorkerOptions drainTimeout(Duration value) {
        return with(name, workerData, log, codec, listenerPolicy, capacity, overflow, retainPayloads,
                DurationText.requirePositive("drainTimeout", value), blockTimeout, stopTimeout, scheduler, detectMutationInFlight);
    }

    /** How long a sender waits for space under {@link OverflowPolicy#BLOCK} before a {@link QueueFullException}. */
    public WorkerOptions blockTimeout(Duration value) {
        return with(name, workerData, log, codec, listenerPolicy, capacity, overflow, retainPayloads, drainTimeout,
                DurationText.requirePositive("blockTimeout", value), stopTimeout, scheduler, detectMutationInFlight);
    }

    /** How long {@code close()} waits for the thread to end after interrupting it, before reporting it stuck. */
    public WorkerOptions stopTimeout(Duration value) {
        return with(name, workerData, log, codec, listenerPolicy, capacity, overflow, retainPayloads, drainTimeout,
                blockTimeout, DurationText.requirePositive("stopTimeout", value), scheduler, detectMutationInFlight);
    }

    /**
     * The threads-and-time seam (default {@link Scheduler#system()}; {@code dev.courier.sim.ManualClock} for
     * virtual time on real threads, {@code dev.courier.sim.Simulation} for no threads at all).
     */
    public WorkerOptions scheduler(Scheduler value) {
        return with(name, workerData, log, codec, listenerPolicy, capacity, overflow, retainPayloads, drainTimeout,
                blockTimeout, stopTimeout, Objects.requireNonNull(value, "scheduler"), detectMutationInFlight);
    }


    public String name() {
        return name;
    }

    public Object workerData() {
        return workerData;
    }

    /** The configured log, or null for "a fresh log per worker". */
    public DeliveryLog log() {
        return log;
    }

    public MessageCodec codec() {
        return codec;
    }

    public ListenerPolicy listenerPolicy() {
        return listenerPolicy;
    }

    /** The capacity, or {@link #UNBOUNDED} (0) when unbounded. */
    public int capacity() {
        return capacity;
    }

    public boolean isBounded() {
        return capacity != UNBOUNDED;
    }

    public OverflowPolicy overflow() {
        return overflow;
    }

    public boolean retainPayloads() {
        return retainPayloads;
    }

    public boolean detectMutationInFlight() {
        return detectMutationInFlight;
    }

    public Duration drainTimeout() {
        return drainTimeout;
    }

    public Duration blockTimeout() {
        return blockTimeout;
    }

    public Duration stopTimeout() {
        return stopTimeout;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** The configured log, or a fresh one stamped by the scheduler's clock. */
    DeliveryLog logOrFresh() {
        return log != null ? log : DeliveryLog.create(scheduler::nanoTime);
    }

    PortSettings portSettings(DeliveryLog into) {
        return new PortSettings(into, codec, listenerPolicy, isBounded() ? capacity : Integer.MAX_VALUE, overflow, retainPayloads, blockTimeout,
                scheduler, detectMutationInFlight);
    }

    @Override
    public String toString() {
        return "WorkerOptions[name=" + name + ", codec=" + codec.name() + ", listenerPolicy=" + listenerPolicy
                + ", capacity=" + (isBounded() ? capacity + " " + overflow : "unbounded") + ", retainPayloads="
                + retainPayloads + ", detectMutationInFlight=" + detectMutationInFlight + ", drainTimeout="
                + DurationText.of(drainTimeout) + ", scheduler=" + scheduler + "]";
    }
}
