package dev.courier.worker;

import dev.courier.worker.internal.InstalledContext;
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

    private DefaultWorkerContext() {
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
        return new Installation(InstalledContext.install(options, worker -> adopt.accept((Worker) worker)));
    }

    /** One installation on one thread; closing it twice is harmless. Thread contract: the installing thread. */
    public static final class Installation implements AutoCloseable {

        private final InstalledContext installed;

        private Installation(InstalledContext installed) {
            this.installed = installed;
        }

        @Override
        public void close() {
            installed.uninstall();
        }
    }
}
