package dev.courier.worker;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The default context for workers started without a log: while one is installed on a thread (and in the
 * threads that thread creates), {@link Worker#start(WorkerScript)} starts with the context's options, and
 * {@link Worker#start(WorkerScript, WorkerOptions)} with options that name no log records into the
 * context's log; each such worker is handed to the context's owner (the JUnit extension, which closes it
 * at teardown). So production code that starts its own workers needs no "starter" parameter to be
 * tested. Workers started with an explicit log are left alone.
 *
 * <pre>{@code
 * try (DefaultWorkerContext.Installation scope = DefaultWorkerContext.install(testOptions, adopted::add)) {
 *     new TranscodingService().start();     // its Worker.start(...) joins the test's log
 * }
 * }</pre>
 *
 * <p>Thread contract: the context is held in an inheritable thread-local, so each thread (and each
 * parallel test) sees its own; threads created while it is installed inherit it. Closing the installation
 * restores the thread's previous context and retires this one everywhere: a pooled thread that inherited
 * it and outlives the test starts workers without it from then on. The adoption callback runs on the
 * starting thread and must be thread-safe.
 */
public final class DefaultWorkerContext {

    private static final InheritableThreadLocal<DefaultWorkerContext> CURRENT = new InheritableThreadLocal<>();

    private final WorkerOptions options;
    private final Consumer<Worker> adopt;
    private volatile boolean retired;

    private DefaultWorkerContext(WorkerOptions options, Consumer<Worker> adopt) {
        this.options = options;
        this.adopt = adopt;
    }

    /**
     * Installs a context on the calling thread until the returned installation is closed.
     *
     * @param options the options of workers started with none; they must name a log
     * @param adopt   told of every worker started through this context
     * @throws IllegalArgumentException if {@code options} name no log
     */
    public static Installation install(WorkerOptions options, Consumer<Worker> adopt) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(adopt, "adopt");
        if (options.log() == null) {
            throw new IllegalArgumentException("a default worker context needs options with a log: "
                    + "call options.log(log) first");
        }
        DefaultWorkerContext previous = CURRENT.get();
        DefaultWorkerContext installed = new DefaultWorkerContext(options, adopt);
        CURRENT.set(installed);
        return new Installation(installed, previous);
    }

    /** The context in force on this thread, or null. */
    static DefaultWorkerContext current() {
        DefaultWorkerContext context = CURRENT.get();
        return context == null || context.retired ? null : context;
    }

    /** The options a worker started with {@code given} (null: none given) runs with in this context. */
    WorkerOptions resolve(WorkerOptions given) {
        return given == null ? options : given.log(options.log());
    }

    void adopted(Worker worker) {
        adopt.accept(worker);
    }

    /** One installation on one thread; closing it twice is harmless. Thread contract: the installing thread. */
    public static final class Installation implements AutoCloseable {

        private final DefaultWorkerContext installed;
        private final DefaultWorkerContext previous;

        private Installation(DefaultWorkerContext installed, DefaultWorkerContext previous) {
            this.installed = installed;
            this.previous = previous;
        }

        @Override
        public void close() {
            installed.retired = true;
            if (CURRENT.get() == installed) {
                if (previous == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(previous);
                }
            }
        }
    }
}
