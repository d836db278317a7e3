package dev.courier.node;

import dev.courier.history.DeliveryLog;
import dev.courier.history.LiveState;
import dev.courier.node.internal.FactRecorder;
import dev.courier.node.internal.NodeBinary;
import dev.courier.node.internal.OutputPump;
import dev.courier.node.internal.Preload;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A real Node.js program run under Courier: {@code node --require <instrumentation> <script>}. Every
 * {@code worker_threads} message event of every thread (SENT, CLONE_FAILED, DELIVERED, HANDLED, DROPPED, message
 * errors, workers online / error / exit, {@code terminate()} calls, listener counts) is recorded into the
 * {@link #log()}, with the endpoints {@code main}, {@code <worker name>#<threadId>} and
 * {@code channel-<n>.port1|port2}, so Courier's checkers, diagnoses and assertions apply unchanged. The program's
 * stdout and stderr are echoed to the test output.
 *
 * <pre>{@code
 * @CourierTest class ResizerTests {
 *     @Test void everyJobIsAnswered(DeliveryLog log) {
 *         NodeProgram.run(NodeProgram.resource("/node/resizer.mjs"), NodeOptions.defaults().log(log));
 *         CourierAssertions.assertThat(log).hasNoLostMessages();
 *     }
 * }
 * }</pre>
 *
 * <p>Thread contract: every method may be called from any thread. The program runs in its own process; its facts
 * are read and recorded on a daemon thread as they arrive, so the log can be awaited while it runs.
 * {@link #awaitExit()} blocks, bounded by the options' timeout: a program still running then is killed and a
 * {@link NodeException} reports its last recorded state.
 */
public final class NodeProgram implements AutoCloseable {

    private static final long PUMP_JOIN_MILLIS = 10_000;

    private final Path script;
    private final NodeOptions options;
    private final DeliveryLog log;
    private final Process process;
    private final FactRecorder facts;
    private final OutputPump out;
    private final OutputPump err;
    private final String version;
    private boolean finished;
    private int exitCode = -1;

    private NodeProgram(Path script, NodeOptions options, DeliveryLog log, Process process, FactRecorder facts,
                        String version) {
        this.script = script;
        this.options = options;
        this.log = log;
        this.process = process;
        this.facts = facts;
        this.version = version;
        this.out = new OutputPump("courier-node-stdout-" + process.pid(), process.getInputStream(), null,
                options.echo() ? System.out : null).start();
        this.err = new OutputPump("courier-node-stderr-" + process.pid(), process.getErrorStream(), facts,
                options.echo() ? System.err : null).start();
    }

    /**
     * Starts {@code script} and returns at once.
     *
     * @throws NodeException if there is no usable node (missing, too old) or the script does not exist
     */
    public static NodeProgram start(Path script, NodeOptions options) {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(options, "options");
        Path file = script.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new NodeException("the Node.js script " + file + " does not exist"
                    + (Files.isDirectory(file) ? " (it is a directory)" : "")
                    + "; check the path (test resources are copied to target/test-classes)");
        }
        String version = NodeBinary.check(options);
        List<String> command = new ArrayList<>();
        command.add(options.binary());
        command.addAll(options.nodeFlags());
        command.add("--require");
        command.add(Preload.file().toString());
        command.add(file.toString());
        command.addAll(options.arguments());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory((options.workingDirectory() == null ? file.getParent() : options.workingDirectory()).toFile());
        builder.environment().putAll(options.environment());
        builder.environment().put("COURIER_NODE_EVENTS_FD", "2");
        DeliveryLog log = options.log() == null ? DeliveryLog.create() : options.log();
        FactRecorder facts = new FactRecorder(log);
        Process process;
        try {
            process = builder.start();
        } catch (IOException failure) {
            throw new NodeException("could not start `" + options.binary() + "` for " + file + ": "
                    + failure.getMessage(), failure);
        }
        try {
            process.getOutputStream().close(); // the program reads no stdin: a read sees its end instead of hanging
        } catch (IOException ignored) {
            // the process already closed its end
        }
        NodeProgram program = new NodeProgram(file, options, log, process, facts, version);
        log.writer().register(program.new State());
        return program;
    }

    /**
     * Runs {@code script} to its end ({@link #start}, then {@link #awaitExit()}).
     *
     * @throws NodeException if it cannot start, does not end within the timeout (killed; the message shows its
     *                       state), or its main thread threw an uncaught exception (the message names it and where)
     */
    public static NodeProgram run(Path script, NodeOptions options) {
        NodeProgram program = start(script, options);
        program.awaitExit();
        NodeError error = program.facts.mainError();
        if (error != null) {
            String where = error.where();
            throw new NodeException("the Node.js script " + program.script + " threw an uncaught " + error
                    + (where.isEmpty() ? "" : " at " + where) + "; node exited with code " + program.exitCode
                    + ". Fix the script (its stderr is above in the test output):\n" + error.nodeStack());
        }
        return program;
    }

    /**
     * The absolute path of a script on the class path (a test resource such as {@code /node/echo.mjs}).
     *
     * @throws NodeException if there is no such resource, or it is not a file on disk
     */
    public static Path resource(String name) {
        // Through a class loader, not this class: from a named module, Class.getResource looks only inside it.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        URL url = (loader != null ? loader : NodeProgram.class.getClassLoader())
                .getResource(name.startsWith("/") ? name.substring(1) : name);
        if (url == null) {
            throw new NodeException("no Node.js script `" + name + "` on the class path; put it under "
                    + "src/test/resources" + (name.startsWith("/") ? "" : "/") + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException notAFile) {
            throw new NodeException("the Node.js script `" + name + "` is not a file on disk (" + url + ")", notAFile);
        }
    }

    /** Waits for the program to end, bounded by the options' timeout; returns node's exit code. */
    public int awaitExit() {
        return awaitExit(options.timeout());
    }

    /**
     * Waits for the program to end, at most {@code timeout}; then every fact is recorded and the losses at exit
     * inferred. Returns node's exit code.
     *
     * @throws NodeException if it was still running after {@code timeout}: it is killed, and the message reports
     *                       its last recorded state (workers running, messages in flight, listener counts)
     */
    public synchronized int awaitExit(Duration timeout) {
        if (finished) {
            return exitCode;
        }
        boolean ended;
        try {
            ended = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            kill();
            throw new NodeException("interrupted while waiting for " + script + "; node was killed", interrupted);
        }
        if (!ended) {
            String state = facts.describe();
            kill();
            throw new NodeException("the Node.js program " + script + " did not exit within " + timeout.toMillis()
                    + " ms: it was killed. Its state at the timeout:\n" + state + "\nA worker or port with a 'message' "
                    + "listener keeps node running: close ports, remove listeners or terminate() workers when done");
        }
        end();
        return exitCode;
    }

    private void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(PUMP_JOIN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        end();
    }

    private void end() {
        try {
            out.join(PUMP_JOIN_MILLIS);
            err.join(PUMP_JOIN_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        exitCode = process.isAlive() ? -1 : process.exitValue();
        facts.finish(exitCode);
        finished = true;
    }

    /** Kills the program if it still runs (its facts so far are recorded); does nothing once it has ended. */
    @Override
    public synchronized void close() {
        if (!finished) {
            kill();
        }
    }

    public DeliveryLog log() {
        return log;
    }

    public Path script() {
        return script;
    }

    /** The Node.js version that runs the program, e.g. {@code v20.11.1}. */
    public String nodeVersion() {
        return version;
    }

    /** node's exit code once {@link #awaitExit()} has returned. */
    public synchronized OptionalInt exitCode() {
        return finished ? OptionalInt.of(exitCode) : OptionalInt.empty();
    }

    /** The uncaught exception of the program's main thread, if any. */
    public Optional<NodeError> mainError() {
        return Optional.ofNullable(facts.mainError());
    }

    /** What the program printed on stdout so far (at most 1 MiB). */
    public String stdout() {
        return out.captured();
    }

    /** What the program printed on stderr so far, without the instrumentation's lines (at most 1 MiB). */
    public String stderr() {
        return err.captured();
    }

    /** The program's recorded state: workers running and exited, messages in flight, listener counts. */
    public String describe() {
        return facts.describe();
    }

    @Override
    public String toString() {
        return "NodeProgram[" + script.getFileName() + ", pid " + process.pid() + (process.isAlive() ? ", running]"
                : ", exited]");
    }

    /** The program in timeout reports: its recorded state. */
    private final class State implements LiveState {
        @Override
        public String label() {
            return "node " + script.getFileName();
        }

        @Override
        public String describe() {
            return "node " + script + " (pid " + process.pid() + ", " + (process.isAlive() ? "running" : "exited")
                    + ")\n" + facts.describe();
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }
    }
}
