package dev.courier.junit.internal;

import dev.courier.assertions.internal.Timeouts;
import dev.courier.junit.Probe;
import dev.courier.worker.MessageChannel;
import dev.courier.worker.MessagePort;
import dev.courier.worker.WorkerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A {@link Probe} whose channel's first port feeds a blocking queue; the test takes from the queue with a timed
 * poll, so a wait wakes on arrival and never outlasts its bound. Every bound (the default timeout, {@code within},
 * a window) is multiplied by {@code courier.timeout.factor} when the wait starts, and the failure texts say so.
 *
 * <p>Thread contract: the channel's dispatcher thread adds to the queue; any thread may take. The queue's
 * hand-off orders a message's arrival before its take.
 */
final class QueueProbe implements Probe {

    private final MessageChannel channel;
    private final Duration defaultTimeout;
    private final BlockingQueue<Arrival> arrived = new LinkedBlockingQueue<>();
    private final AtomicInteger taken = new AtomicInteger();

    QueueProbe(WorkerOptions options, Duration defaultTimeout) {
        this.channel = new MessageChannel(options);
        this.defaultTimeout = defaultTimeout;
        channel.port1().onMessage(event -> arrived.add(new Arrival(event.data())));
    }

    /** Queue element: wraps the data so a null payload can be queued. */
    private record Arrival(Object data) {
    }

    @Override
    public MessagePort port() {
        return channel.port2();
    }

    @Override
    public String label() {
        return channel.name() + ".port1";
    }

    MessageChannel channel() {
        return channel;
    }

    @Override
    public Object receive() {
        return receive(defaultTimeout);
    }

    @Override
    public Object receive(Duration within) {
        Arrival next = take(Timeouts.dilate(positive(within, "within")));
        if (next == null) {
            throw failure("expected a message within " + Timeouts.describe(within) + " but none arrived");
        }
        return next.data();
    }

    @Override
    public List<Object> receiveN(int n, Duration within) {
        if (n < 1) {
            throw new IllegalArgumentException("receiveN: n must be at least 1, was " + n);
        }
        long deadline = System.nanoTime() + Timeouts.dilate(positive(within, "within")).toNanos();
        List<Object> received = new ArrayList<>(n);
        while (received.size() < n) {
            Arrival next = take(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (next == null) {
                throw failure("expected " + n + " messages within " + Timeouts.describe(within) + " but "
                        + received.size() + " arrived: " + Texts.values(received));
            }
            received.add(next.data());
        }
        return received;
    }

    @Override
    public Object expectMessage(Predicate<Object> matcher, Duration within) {
        Objects.requireNonNull(matcher, "matcher");
        Arrival next = take(Timeouts.dilate(positive(within, "within")));
        if (next == null) {
            throw failure("expected a message matching the predicate within " + Timeouts.describe(within)
                    + " but none arrived");
        }
        if (!matcher.test(next.data())) {
            throw failure("expected a message matching the predicate but got " + Texts.value(next.data()));
        }
        return next.data();
    }

    @Override
    public void expectNothingFor(Duration window) {
        Arrival next = take(Timeouts.dilate(positive(window, "window")));
        if (next != null) {
            throw failure("expected no message for " + Timeouts.describe(window) + " but got "
                    + Texts.value(next.data()));
        }
    }

    private Arrival take(Duration bound) {
        try {
            Arrival next = arrived.poll(bound.toNanos(), TimeUnit.NANOSECONDS);
            if (next != null) {
                taken.incrementAndGet();
            }
            return next;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting for a message");
        }
    }

    private AssertionError failure(String what) {
        return new AssertionError("probe `" + label() + "` " + what + "\n" + Texts.state(taken.get(), arrived.size(),
                channel.log()));
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("probe wait: " + name + " must be positive, was " + Texts.millis(value));
        }
        return value;
    }
}
