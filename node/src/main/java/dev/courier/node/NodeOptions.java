package dev.courier.node;

import dev.courier.history.DeliveryLog;
import dev.courier.history.internal.DurationText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link NodeProgram} runs a script: the log it records into, the timeout after which a running program is
 * killed, the {@code node} binary (system property {@value #BINARY_PROPERTY}, else {@code node} on the PATH),
 * arguments, extra environment, working directory, and whether the program's output is echoed to the test output.
 *
 * <p>Thread contract: immutable; every {@code with}-style method returns a new instance.
 */
public final class NodeOptions {

    /** System property naming the node executable to run; when unset, {@code node} is looked up on the PATH. */
    public static final String BINARY_PROPERTY = "courier.node.binary";

    private final DeliveryLog log;
    private final Duration timeout;
    private final String binary;
    private final List<String> arguments;
    private final List<String> nodeFlags;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final boolean echo;

    private NodeOptions(DeliveryLog log, Duration timeout, String binary, List<String> arguments, List<String> nodeFlags,
                        Map<String, String> environment, Path workingDirectory, boolean echo) {
        this.log = log;
        this.timeout = timeout;
        this.binary = binary;
        this.arguments = List.copyOf(arguments);
        this.nodeFlags = List.copyOf(nodeFlags);
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.echo = echo;
    }

    /** A fresh log, a 30 s timeout, the configured or PATH {@code node}, no arguments, output echoed. */
    public static NodeOptions defaults() {
        return new NodeOptions(null, Duration.ofSeconds(30), null, List.of(), List.of(), Map.of(), null, true);
    }

    /** Records into {@code value} (typically the test's injected {@code DeliveryLog}). */
    public NodeOptions log(DeliveryLog value) {
        return new NodeOptions(Objects.requireNonNull(value, "log"), timeout, binary, arguments, nodeFlags, environment,
                workingDirectory, echo);
    }

    /** How long the program may run before it is killed and its last state reported. */
    public NodeOptions timeout(Duration value) {
        return new NodeOptions(log, DurationText.requirePositive("timeout", value), binary, arguments, nodeFlags, environment, workingDirectory, echo);
    }

    /** The node executable to run (a path, or a name looked up on the PATH); overrides {@value #BINARY_PROPERTY}. */
    public NodeOptions binary(String value) {
        return new NodeOptions(log, timeout, Objects.requireNonNull(value, "binary"), arguments, nodeFlags, environment,
                workingDirectory, echo);
    }

    /** Arguments passed to the script ({@code process.argv.slice(2)}). */
    public NodeOptions arguments(String... values) {
        return new NodeOptions(log, timeout, binary, List.of(values), nodeFlags, environment, workingDirectory, echo);
    }

    /** Flags for node itself, placed before the script (e.g. {@code --trace-warnings}). */
    public NodeOptions nodeFlags(String... values) {
        return new NodeOptions(log, timeout, binary, arguments, List.of(values), environment, workingDirectory, echo);
    }

    /** Adds an environment variable for the program. */
    public NodeOptions environment(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(environment);
        more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new NodeOptions(log, timeout, binary, arguments, nodeFlags, more, workingDirectory, echo);
    }

    /** The program's working directory; by default the script's directory. */
    public NodeOptions workingDirectory(Path value) {
        return new NodeOptions(log, timeout, binary, arguments, nodeFlags, environment,
                Objects.requireNonNull(value, "workingDirectory"), echo);
    }

    /** Whether the program's stdout and stderr are echoed to the test's output ({@code [node] } prefixed). */
    public NodeOptions echo(boolean value) {
        return new NodeOptions(log, timeout, binary, arguments, nodeFlags, environment, workingDirectory, value);
    }

    /** The log, or null for a fresh one per program. */
    public DeliveryLog log() {
        return log;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The binary: this option, else the {@value #BINARY_PROPERTY} system property, else {@code node}. */
    public String binary() {
        if (binary != null) {
            return binary;
        }
        String configured = System.getProperty(BINARY_PROPERTY);
        return configured == null || configured.isBlank() ? "node" : configured.strip();
    }

    /** Whether the binary was chosen explicitly (option or system property) rather than looked up as {@code node}. */
    public boolean binaryConfigured() {
        String configured = System.getProperty(BINARY_PROPERTY);
        return binary != null || (configured != null && !configured.isBlank());
    }

    public List<String> arguments() {
        return arguments;
    }

    public List<String> nodeFlags() {
        return nodeFlags;
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** The working directory, or null for the script's directory. */
    public Path workingDirectory() {
        return workingDirectory;
    }

    public boolean echo() {
        return echo;
    }

    @Override
    public String toString() {
        return "NodeOptions[binary=" + binary() + ", timeout=" + timeout + ", arguments=" + arguments + "]";
    }
}
