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

    /**
     * How every queue of a worker (or channel) is bounded: {@code capacity} messages ({@link #UNBOUNDED}, 0, for
     * none) and what a full queue does.
     *
     * @param capacity positive, or {@link #UNBOUNDED}
     * @param overflow what a full bounded queue does
     */
    public record Bounds(int capacity, OverflowPolicy overflow) {

        /** Whether the queues are bounded. */
        public boolean isBounded() {
            return capacity != UNBOUNDED;
        }
    }

    /**
     * The waits of a worker's life.
     *
     * @param drain how long {@code close()} lets the worker handle what is queued before terminating it
     * @param block how long a {@link OverflowPolicy#BLOCK} sender waits for space
     * @param stop  how long {@code close()} waits for the thread to end after interrupting it
     */
    public record Timeouts(Duration drain, Duration block, Duration stop) {
    }

    /**
     * What is recorded beyond the facts.
     *
     * @param retainPayloads         the sent and decoded payloads ride on SENT and DELIVERED events
     * @param detectMutationInFlight a snapshot at send is compared with the payload at delivery (sharing codecs)
     */
    public record Recording(boolean retainPayloads, boolean detectMutationInFlight) {
    }

    private static final WorkerOptions DEFAULTS = new WorkerOptions("worker", null, null, Codecs.structuredClone(),
            ListenerPolicy.QUEUE_UNTIL_STARTED, new Bounds(UNBOUNDED, OverflowPolicy.BLOCK),
            new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(2)),
            new Recording(false, false), Scheduler.system());

    private final String name;
    private final Object workerData;
    private final DeliveryLog log;
    private final MessageCodec codec;
    private final ListenerPolicy listenerPolicy;
    private final Bounds bounds;
    private final Timeouts timeouts;
    private final Recording recording;
    private final Scheduler scheduler;

    private WorkerOptions(String name, Object workerData, DeliveryLog log, MessageCodec codec,
                          ListenerPolicy listenerPolicy, Bounds bounds, Timeouts timeouts, Recording recording,
                          Scheduler scheduler) {
        this.name = name;
        this.workerData = workerData;
        this.log = log;
        this.codec = codec;
        this.listenerPolicy = listenerPolicy;
        this.bounds = bounds;
        this.timeouts = timeouts;
        this.recording = recording;
        this.scheduler = scheduler;
    }

    /**
     * Name "worker", no data, a fresh log per worker, structured clone, QUEUE_UNTIL_STARTED, unbounded
     * queues (overflow BLOCK once bounded), payloads not retained, no mutation detection, drain 5 s,
     * block 5 s, stop 2 s, real threads and time.
     */
    public static WorkerOptions defaults() {
        return DEFAULTS;
    }

    /** The worker's name: thread {@code courier-worker-<name>-<id>}, label {@code <name>#<id>}. Not blank. */
    public WorkerOptions name(String value) {
        Objects.requireNonNull(value, "name");
        if (value.isBlank() || value.contains("#")) {
            throw new IllegalArgumentException("worker name must be non-blank and contain no '#': \"" + value + "\"");
        }
        return new WorkerOptions(value, workerData, log, codec, listenerPolicy, bounds, timeouts, recording, scheduler);
    }

    /** Data cloned (with the codec) into the worker at start; null is allowed. */
    public WorkerOptions workerData(Object value) {
        return new WorkerOptions(name, value, log, codec, listenerPolicy, bounds, timeouts, recording, scheduler);
    }

    /** The log to record into; by default each worker gets a fresh one stamped by the scheduler's clock. */
    public WorkerOptions log(DeliveryLog value) {
        return new WorkerOptions(name, workerData, Objects.requireNonNull(value, "log"), codec, listenerPolicy, bounds,
                timeouts, recording, scheduler);
    }

    /** How payloads cross (default {@link Codecs#structuredClone()}). */
    public WorkerOptions codec(MessageCodec value) {
        return new WorkerOptions(name, workerData, log, Objects.requireNonNull(value, "codec"), listenerPolicy, bounds,
                timeouts, recording, scheduler);
    }

    /** What ports do with messages while no listener is attached (S4). */
    public WorkerOptions listenerPolicy(ListenerPolicy value) {
        return new WorkerOptions(name, workerData, log, codec, Objects.requireNonNull(value, "listenerPolicy"), bounds,
                timeouts, recording, scheduler);
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
        return new WorkerOptions(name, workerData, log, codec, listenerPolicy, new Bounds(value, bounds.overflow()),
                timeouts, recording, scheduler);
    }

    /** What a full bounded queue does (default BLOCK). */
    public WorkerOptions overflow(OverflowPolicy value) {
        return new WorkerOptions(name, workerData, log, codec, listenerPolicy,
                new Bounds(bounds.capacity(), Objects.requireNonNull(value, "overflow")), timeouts, recording, scheduler);
    }

    /**
     * Attach the sent payload to SENT events and the decoded value to DELIVERED events, for fidelity and
     * per-key order checks. The log keeps references, not copies: a payload the sender changes after
     * posting (or the receiver after delivery) is seen changed by a later check, so compare before changing
     * them, or send fresh objects.
     */
    public WorkerOptions retainPayloads(boolean value) {
        return new WorkerOptions(name, workerData, log, codec, listenerPolicy, bounds, timeouts,
                new Recording(value, recording.detectMutationInFlight()), scheduler);
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
        return new WorkerOptions(name, workerData, log, codec, listenerPolicy, bounds, timeouts,
                new Recording(recording.retainPayloads(), value), scheduler);
    }

    /** How long {@code close()} waits for the worker to handle what is queued before terminating it. */
    public WorkerOptions drainTimeout(Duration value) {
        return new WorkerOptions(name, workerData, log, codec, listenerPolicy, bounds,
                new Timeouts(DurationText.requirePositive("drainTimeout", value), timeouts.block(), timeouts.stop()),
                recording, scheduler);
    }

    /** How long a sender waits for space under {@link OverflowPolicy#BLOCK} before a {@link QueueFullException}. */
    public WorkerOptions blockTimeout(Duration value) {
        return new WorkerOptions(name, workerData, log, codec, listenerPolicy, bounds,
                new Timeouts(timeouts.drain(), DurationText.requirePositive("blockTimeout", value), timeouts.stop()),
                recording, scheduler);
    }

    /** How long {@code close()} waits for the thread to end after interrupting it, before reporting it stuck. */
    public WorkerOptions stopTimeout(Duration value) {
        return new WorkerOptions(name, workerData, log, codec, listenerPolicy, bounds,
                new Timeouts(timeouts.drain(), timeouts.block(), DurationText.requirePositive("stopTimeout", value)),
                recording, scheduler);
    }

    /**
     * The threads-and-time seam (default {@link Scheduler#system()}; {@code dev.courier.sim.ManualClock} for
     * virtual time on real threads, {@code dev.courier.sim.Simulation} for no threads at all).
     */
    public WorkerOptions scheduler(Scheduler value) {
        return new WorkerOptions(name, workerData, log, codec, listenerPolicy, bounds, timeouts, recording,
                Objects.requireNonNull(value, "scheduler"));
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

    /** The queue bounds: capacity and overflow together. */
    public Bounds bounds() {
        return bounds;
    }

    /** The drain, block and stop timeouts together. */
    public Timeouts timeouts() {
        return timeouts;
    }

    /** What is recorded beyond the facts: payloads, mutation in flight. */
    public Recording recording() {
        return recording;
    }

    /** The capacity, or {@link #UNBOUNDED} (0) when unbounded. */
    public int capacity() {
        return bounds.capacity();
    }

    public boolean isBounded() {
        return bounds.isBounded();
    }

    public OverflowPolicy overflow() {
        return bounds.overflow();
    }

    public boolean retainPayloads() {
        return recording.retainPayloads();
    }

    public boolean detectMutationInFlight() {
        return recording.detectMutationInFlight();
    }

    public Duration drainTimeout() {
        return timeouts.drain();
    }

    public Duration blockTimeout() {
        return timeouts.block();
    }

    public Duration stopTimeout() {
        return timeouts.stop();
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** The configured log, or a fresh one stamped by the scheduler's clock. */
    DeliveryLog logOrFresh() {
        return log != null ? log : DeliveryLog.create(scheduler::nanoTime);
    }

    PortSettings portSettings(DeliveryLog into) {
        return new PortSettings(into, codec, listenerPolicy, isBounded() ? bounds.capacity() : Integer.MAX_VALUE,
                bounds.overflow(), recording.retainPayloads(), timeouts.block(), scheduler,
                recording.detectMutationInFlight());
    }

    @Override
    public String toString() {
        return "WorkerOptions[name=" + name + ", codec=" + codec.name() + ", listenerPolicy=" + listenerPolicy
                + ", capacity=" + (isBounded() ? bounds.capacity() + " " + bounds.overflow() : "unbounded")
                + ", retainPayloads=" + recording.retainPayloads() + ", detectMutationInFlight="
                + recording.detectMutationInFlight() + ", drainTimeout=" + DurationText.of(timeouts.drain())
                + ", scheduler=" + scheduler + "]";
    }
}
