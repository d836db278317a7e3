package dev.courier.junit;

import dev.courier.worker.MessagePort;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * An instrumented receiver for a test, in the spirit of Akka's {@code TestProbe}: hand {@link #port()} to the
 * code under test (in a transfer list or as worker data) and take what arrives, in arrival order. Backed by a
 * {@link dev.courier.worker.MessageChannel} on the test's log, so what the probe receives is in the history.
 *
 * <p>Thread contract: messages are collected on the channel's dispatcher thread; the receiving methods are meant
 * for one test thread at a time and each takes messages away. Every wait is bounded, wakes on arrival (it never
 * polls on a timer) and fails with an {@link AssertionError} that shows the probe's and the history's state.
 * Every bound, the default timeout included, is multiplied by {@code courier.timeout.factor} (see
 * {@code CourierAssertions.timeoutFactor()}), and a failure names the scaled bound and the factor, e.g.
 * {@code within 300 ms (100 ms × timeout factor 3)}.
 */
public interface Probe {

    /** The port to give the code under test; what is posted to it arrives at this probe. */
    MessagePort port();

    /** The probe's receiving endpoint label in the history, e.g. {@code channel-2.port1}. */
    String label();

    /** {@link #receive(Duration)} within the test's default timeout. */
    Object receive();

    /** The next message's data; fails if none arrives within {@code within}. */
    Object receive(Duration within);

    /** The next {@code n} messages' data; fails if they do not all arrive within {@code within} in total. */
    List<Object> receiveN(int n, Duration within);

    /** The next message's data, which must match {@code matcher}; fails if it does not, or none arrives. */
    Object expectMessage(Predicate<Object> matcher, Duration within);

    /** Waits the whole {@code window} and fails if any message arrives in it (or was already waiting). */
    void expectNothingFor(Duration window);
}
