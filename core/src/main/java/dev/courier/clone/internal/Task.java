package dev.courier.clone.internal;

/** One unit of work on the clone engine's explicit stack. */
@FunctionalInterface
public interface Task {

    /** Does the work; may push further tasks on the engine. */
    void run();
}
