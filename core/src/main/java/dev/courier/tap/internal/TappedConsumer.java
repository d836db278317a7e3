package dev.courier.tap.internal;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A callback wrapped by a consumer tap: each call is the delivery of one message, recorded DELIVERED,
 * then HANDLED OK or THREW (the exception is rethrown unchanged). The message is matched by key with
 * sends recorded for the same receiver label (a {@code Recorder}).
 *
 * <p>Thread contract: may be called from any number of threads at once, like the callback it wraps.
 */
public final class TappedConsumer<T> implements Consumer<T> {

    private final Consumer<T> callback;
    private final Ledger ledger;
    private final Function<? super T, ?> keys;

    public TappedConsumer(Consumer<T> callback, Ledger ledger, Function<? super T, ?> keys) {
        this.callback = callback;
        this.ledger = ledger;
        this.keys = keys;
    }

    @Override
    public void accept(T message) {
        PendingSend send = ledger.messages().deliver(keys.apply(message), 0);
        ledger.runHandler(send, () -> callback.accept(message));
    }

    @Override
    public String toString() {
        return "consumer tap " + ledger.label() + " around " + callback;
    }
}
