package dev.courier.tap.internal;

import dev.courier.history.DeliveryLog;
import dev.courier.history.LiveState;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds and creates the taps' {@link LiveState}s in a log: one {@link Ledger} per receiver label, and
 * numbered default labels ({@code queue:1}, {@code queue:2}, ...) unique per log.
 *
 * <p>Thread contract: any thread; lookups and creations are serialized by one lock, held only while
 * scanning the log's registered states, so concurrent taps never get the same default label.
 */
public final class Registry {

    private static final Object LOCK = new Object();

    private Registry() {
    }

    /** The ledger of {@code label} in {@code log}, created and registered on first use. */
    public static Ledger ledger(DeliveryLog log, String label) {
        Objects.requireNonNull(log, "log");
        Labels.requireLabel(label, "label");
        synchronized (LOCK) {
            for (LiveState state : log.liveStates()) {
                if (state instanceof Ledger ledger && ledger.label().equals(label)) {
                    return ledger;
                }
            }
            Ledger created = new Ledger(log, label);
            log.writer().register(created);
            return created;
        }
    }

    /** Registers {@code state} as it is (labels given by the user may repeat). */
    public static <S extends LiveState> S register(DeliveryLog log, S state) {
        synchronized (LOCK) {
            log.writer().register(state);
            return state;
        }
    }

    /** A new ledger labelled {@code prefix + n}, with the smallest n from 1 not yet used in the log. */
    public static Ledger freshLedger(DeliveryLog log, String prefix) {
        return fresh(log, prefix, label -> new Ledger(log, label));
    }

    /** Creates and registers a state labelled {@code prefix + n} (see {@link #freshLedger}). */
    public static <S extends LiveState> S fresh(DeliveryLog log, String prefix, Function<String, S> factory) {
        Objects.requireNonNull(log, "log");
        synchronized (LOCK) {
            Set<String> taken = new HashSet<>();
            for (LiveState state : log.liveStates()) {
                taken.add(state.label());
            }
            int number = 1;
            while (taken.contains(prefix + number)) {
                number++;
            }
            S created = factory.apply(prefix + number);
            log.writer().register(created);
            return created;
        }
    }
}
