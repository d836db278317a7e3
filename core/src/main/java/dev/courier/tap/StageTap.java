package dev.courier.tap;

import dev.courier.history.DropCause;
import dev.courier.tap.internal.Ledger;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A pipeline stage watched from outside: messages go in at one place and come out at another, and
 * every message that enters must leave exactly once, in per-key order. Obtained from
 * {@link Taps#stage}; the stage is the receiver {@code stage:<name>}.
 *
 * <ul>
 *   <li>{@link #entered}: SENT (and ENQUEUED) with the entering message retained as payload; the sender
 *       is {@code <name>.in[<order key>]}, so the per-sender FIFO check is the per-key order check, and
 *       each key's messages are numbered in the order they entered.</li>
 *   <li>{@link #left}: DELIVERED for the message whose id the leaving message carries (without payload:
 *       what leaves is a new value, not a copy, so no fidelity check applies); leaving twice is a duplicate, leaving without entering is unexpected.</li>
 *   <li>{@link #dropped}: DROPPED with the stage's own cause and detail (a filter, a full buffer);
 *       {@link #failed} and {@link #track}: DROPPED with the exception that stopped the message.</li>
 * </ul>
 *
 * Then {@code Checks.delivery} names each message that never left (pending, or lost with its cause),
 * each duplicate and each unexpected one; {@code Checks.order} each per-key inversion.
 *
 * <p>Thread contract: immutable and thread-safe; any thread may record at any time. The id and key
 * functions run on the recording thread and must not return null.
 *
 * @param <I> what enters the stage
 * @param <O> what leaves it
 */
public final class StageTap<I, O> {

    private final String name;
    private final Ledger ledger;
    private final Function<? super I, ?> inId;
    private final Function<? super O, ?> outId;
    private final Function<? super I, ?> orderKey;

    StageTap(String name, Ledger ledger, Function<? super I, ?> inId, Function<? super O, ?> outId,
             Function<? super I, ?> orderKey) {
        this.name = name;
        this.ledger = ledger;
        this.inId = inId;
        this.outId = outId;
        this.orderKey = orderKey;
        ledger.retainPayloads();
    }

    /** The stage's receiver label, e.g. {@code stage:billing}. */
    public String label() {
        return ledger.label();
    }

    /** Records that {@code message} entered the stage. */
    public void entered(I message) {
        Object key = id(inId, message, "entering");
        Object order = id(orderKey, message, "order key of the entering");
        ledger.recordEnqueued(ledger.messages().send(key, name + ".in[" + order + "]", null, null, false, message), 0);
    }

    /** Records that {@code message} left the stage. */
    public void left(O message) {
        // No payload: a stage transforms, so the leaving message is not a copy of the entering one and a
        // fidelity check between them would be a false alarm.
        ledger.messages().deliver(id(outId, message, "leaving"), 0);
    }

    /** Records that the stage dropped {@code message} on purpose, and why. */
    public void dropped(I message, DropCause cause, String detail) {
        ledger.messages().drop(id(inId, message, "dropped"), Objects.requireNonNull(cause, "cause"), 0, detail);
    }

    /** Records that {@code message} will never leave because the stage threw {@code error}. */
    public void failed(I message, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        ledger.messages().fail(id(inId, message, "failed"), "stage `" + name + "` threw " + cause
                + " while handling it", cause);
    }

    /** Records {@link #failed} when {@code future}, the stage's work on {@code message}, fails; returns it. */
    public <F extends CompletionStage<?>> F track(I message, F future) {
        future.whenComplete((value, error) -> {
            if (error != null) {
                failed(message, error);
            }
        });
        return future;
    }

    /** Wraps the stage's entrance: records {@link #entered}, then runs it ({@link #failed} if it throws). */
    public Consumer<I> input(Consumer<? super I> entrance) {
        Objects.requireNonNull(entrance, "entrance");
        return message -> {
            entered(message);
            try {
                entrance.accept(message);
            } catch (RuntimeException | Error e) {
                failed(message, e);
                throw e;
            }
        };
    }

    /** Wraps the stage's exit: records {@link #left}, then passes the message on. */
    public Consumer<O> output(Consumer<? super O> exit) {
        Objects.requireNonNull(exit, "exit");
        return message -> {
            left(message);
            exit.accept(message);
        };
    }

    private static <M> Object id(Function<? super M, ?> function, M message, String what) {
        Object id = function.apply(Objects.requireNonNull(message, "message"));
        if (id == null) {
            throw new IllegalArgumentException("the " + what + " message's id function returned null for " + message);
        }
        return id;
    }

    @Override
    public String toString() {
        return "StageTap[" + label() + "]";
    }
}
