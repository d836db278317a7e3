package dev.courier.node.internal;

import dev.courier.node.NodeException;
import dev.courier.node.NodeOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code node} executable and checks its version (at least {@value #MINIMUM_MAJOR}), once per binary per
 * JVM. Every failure is a {@link NodeException} that names the fix.
 *
 * <p>Thread contract: thread-safe; concurrent checks of the same binary may both run {@code node --version}.
 */
public final class NodeBinary {

    /** The oldest Node.js major version the instrumentation supports. */
    public static final int MINIMUM_MAJOR = 18;

    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final Map<String, String> CHECKED = new ConcurrentHashMap<>();

    private NodeBinary() {
    }

    /** The version of the binary {@code options} names ({@code v20.11.1}), after checking it is recent enough. */
    public static String check(NodeOptions options) {
        String binary = options.binary();
        String known = CHECKED.get(binary);
        if (known != null) {
            return known;
        }
        String version = versionOf(binary, options.binaryConfigured());
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.find()) {
            throw new NodeException("`" + binary + " --version` printed '" + version + "', not a Node.js version; "
                    + fix());
        }
        int major = Integer.parseInt(matcher.group(1));
        if (major < MINIMUM_MAJOR) {
            throw new NodeException("Node.js " + matcher.group() + " (`" + binary + "`) is too old: Courier's Node.js "
                    + "instrumentation needs Node.js >= " + MINIMUM_MAJOR + "; " + fix());
        }
        CHECKED.put(binary, matcher.group());
        return matcher.group();
    }

    private static String versionOf(String binary, boolean configured) {
        Process process;
        try {
            process = new ProcessBuilder(binary, "--version").redirectErrorStream(true).start();
        } catch (IOException notFound) {
            String what = configured ? "the node executable `" + binary + "` (" + NodeOptions.BINARY_PROPERTY
                    + " or NodeOptions.binary) cannot be run: " + notFound.getMessage()
                    : "no `node` executable on the PATH (" + NodeOptions.BINARY_PROPERTY + " is not set)";
            throw new NodeException(what + "; " + fix(), notFound);
        }
        try (InputStream out = process.getInputStream()) {
            byte[] bytes = out.readNBytes(200);
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new NodeException("`" + binary + " --version` did not answer within 20 s; " + fix());
            }
            return new String(bytes, StandardCharsets.UTF_8).strip();
        } catch (IOException failure) {
            throw new NodeException("could not read `" + binary + " --version`: " + failure.getMessage(), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new NodeException("interrupted while checking `" + binary + " --version`", interrupted);
        }
    }

    private static String fix() {
        return "install Node.js >= " + MINIMUM_MAJOR + " (e.g. `apt-get install nodejs`, or from nodejs.org) or set the "
                + "system property " + NodeOptions.BINARY_PROPERTY + " to the path of a node executable";
    }
}
