package dev.courier.worker.internal;

import dev.courier.worker.WorkerOptions;
import java.util.function.Consumer;

/**
 * A default worker context installed on a thread (see {@code dev.courier.worker.DefaultWorkerContext}): the
 * options of workers started without a log, and whom to tell of each such worker.
 *
 * <p>Thread contract: held in an inheritable thread-local, so each thread sees its own and threads created
 * while one is installed inherit it; {@link #uninstall} retires it everywhere (a volatile flag). The
 * adoption callback runs on the starting thread.
 */
public final class InstalledContext {

    private static final InheritableThreadLocal<InstalledContext> CURRENT = new InheritableThreadLocal<>();

    private final WorkerOptions options;
    private final Consumer<Object> adopt;
    private final InstalledContext previous;
    private volatile boolean retired;

    private InstalledContext(WorkerOptions options, Consumer<Object> adopt, InstalledContext previous) {
        this.options = options;
        this.adopt = adopt;
        this.previous = previous;
    }

    /** Installs a context on the calling thread, remembering the one it replaces. */
    public static InstalledContext install(WorkerOptions options, Consumer<Object> adopt) {
        InstalledContext installed = new InstalledContext(options, adopt, CURRENT.get());
        CURRENT.set(installed);
        return installed;
    }

    /** The context in force on this thread, or null. */
    public static InstalledContext current() {
        InstalledContext context = CURRENT.get();
        return context == null || context.retired ? null : context;
    }

    /** The options a worker started with {@code given} (null: none given) runs with in this context. */
    public WorkerOptions resolve(WorkerOptions given) {
        return given == null ? options : given.log(options.log());
    }

    /** Hands a worker started through this context to its owner. */
    public void adopted(Object worker) {
        adopt.accept(worker);
    }

    /** Retires this context everywhere and, on this thread, restores the one it replaced. Idempotent. */
    public void uninstall() {
        retired = true;
        if (CURRENT.get() == this) {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
