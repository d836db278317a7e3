package dev.courier.history;

/**
 * Options of {@link Checks#lifecycle(HistorySnapshot, LifecycleOptions)}. Immutable: every option
 * method returns a new instance.
 */
public final class LifecycleOptions {

    /** Node's default for MaxListenersExceededWarning. */
    public static final int DEFAULT_LISTENER_THRESHOLD = 10;

    private static final LifecycleOptions DEFAULTS = new LifecycleOptions(DEFAULT_LISTENER_THRESHOLD);

    private final int listenerThreshold;

    private LifecycleOptions(int listenerThreshold) {
        this.listenerThreshold = listenerThreshold;
    }

    /** Listener threshold {@value #DEFAULT_LISTENER_THRESHOLD}. */
    public static LifecycleOptions defaults() {
        return DEFAULTS;
    }

    /** Reports a leak when more than {@code threshold} listeners of one type are on one endpoint. */
    public LifecycleOptions listenerThreshold(int threshold) {
        if (threshold < 0) {
            throw new IllegalArgumentException("listenerThreshold must be 0 or more, got " + threshold);
        }
        return new LifecycleOptions(threshold);
    }

    public int listenerThreshold() {
        return listenerThreshold;
    }

    @Override
    public String toString() {
        return "LifecycleOptions[listenerThreshold=" + listenerThreshold + "]";
    }
}
