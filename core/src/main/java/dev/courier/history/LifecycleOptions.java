package dev.courier.history;

/**
 * Options of {@link Checks#lifecycle(HistorySnapshot, LifecycleOptions)}. Immutable: every option
 * method returns a new instance.
 */
public final class LifecycleOptions {

    /** Node's default for MaxListenersExceededWarning. */
    public static final int DEFAULT_LISTENER_THRESHOLD = 10;

    private static final LifecycleOptions DEFAULTS = new LifecycleOptions(DEFAULT_LISTENER_THRESHOLD, false);

    private final int listenerThreshold;
    private final boolean atTeardown;

    private LifecycleOptions(int listenerThreshold, boolean atTeardown) {
        this.listenerThreshold = listenerThreshold;
        this.atTeardown = atTeardown;
    }

    /** Listener threshold {@value #DEFAULT_LISTENER_THRESHOLD}; a mid-test check (no LIVE_WORKER anomalies). */
    public static LifecycleOptions defaults() {
        return DEFAULTS;
    }

    /** Reports a leak when more than {@code threshold} listeners of one type are on one endpoint. */
    public LifecycleOptions listenerThreshold(int threshold) {
        if (threshold < 0) {
            throw new IllegalArgumentException("listenerThreshold must be 0 or more, got " + threshold);
        }
        return new LifecycleOptions(threshold, atTeardown);
    }

    /**
     * A check at teardown, when every worker should have exited: a worker still online is then a
     * LIVE_WORKER anomaly. In a mid-test check a running worker is healthy and never an anomaly.
     */
    public LifecycleOptions atTeardown() {
        return new LifecycleOptions(listenerThreshold, true);
    }

    public int listenerThreshold() {
        return listenerThreshold;
    }

    /** Whether this is a teardown check (see {@link #atTeardown()}). */
    public boolean isAtTeardown() {
        return atTeardown;
    }

    @Override
    public String toString() {
        return "LifecycleOptions[listenerThreshold=" + listenerThreshold + ", atTeardown=" + atTeardown + "]";
    }
}
