package dev.courier.junit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a test's summary file into the configured report directory. */
public final class SummaryFile {

    private SummaryFile() {
    }

    /**
     * Writes {@code <dir>/<testClass>.<method>-<displayName>.txt} (unsafe characters replaced), so parallel tests
     * and repetitions of one method write distinct files.
     */
    public static Path write(Path dir, String testClass, String method, String displayName, TeardownResult result) {
        String file = safe(testClass + "." + method + "-" + displayName) + ".txt";
        StringBuilder text = new StringBuilder("test: ").append(testClass).append('.').append(method).append(" [")
                .append(displayName).append("]\nsummary: ").append(result.summary()).append("\ndelivery: ")
                .append(result.delivery()).append("\nlifecycle anomalies: ").append(result.lifecycle().anomalies().size());
        result.lifecycle().anomalies().forEach(anomaly -> text.append("\n- ").append(anomaly));
        text.append("\nteardown problems: ").append(result.problems().size());
        result.problems().forEach(problem -> text.append("\n- ").append(problem));
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(file);
            Files.writeString(target, text.append('\n').toString(), StandardCharsets.UTF_8);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the Courier summary " + file + " into " + dir, e);
        }
    }

    /** {@code name} with characters unsafe in file names replaced, at most 180 characters. */
    static String safe(String name) {
        String replaced = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return replaced.length() <= 180 ? replaced : replaced.substring(0, 180);
    }
}
