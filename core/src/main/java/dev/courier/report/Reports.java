package dev.courier.report;

import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.history.Diagnosis;
import dev.courier.history.HistorySnapshot;
import dev.courier.report.internal.EventLines;
import dev.courier.report.internal.HtmlPage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes a history as JSON Lines or as a self-contained HTML timeline (see the package documentation for the
 * fields and the view). Reports read a snapshot and its diagnosis only.
 *
 * <p>Thread contract: stateless; any thread may call any method at any time. The log may keep growing while a
 * report is written: a report shows the snapshot taken when it was called.
 */
public final class Reports {

    private Reports() {
    }

    /** Writes {@code log}'s history as JSON Lines to {@code file} (parent directories created); returns the file. */
    public static Path jsonLines(DeliveryLog log, Path file) {
        return jsonLines(Objects.requireNonNull(log, "log").snapshot(), file);
    }

    /** Writes {@code snapshot} as JSON Lines to {@code file}; returns the file. */
    public static Path jsonLines(HistorySnapshot snapshot, Path file) {
        Objects.requireNonNull(snapshot, "snapshot");
        return write(file, "JSON Lines export", out -> EventLines.write(snapshot, out));
    }

    /** Writes {@code snapshot} as JSON Lines to {@code out}, one event per line; the writer is not closed. */
    public static void jsonLines(HistorySnapshot snapshot, Writer out) throws IOException {
        EventLines.write(Objects.requireNonNull(snapshot, "snapshot"), Objects.requireNonNull(out, "out"));
    }

    /**
     * Writes the HTML timeline of {@code log}'s history, with its {@link Checks#diagnose diagnosis}, to
     * {@code file}; the title is the file name. Returns the file.
     */
    public static Path html(DeliveryLog log, Path file) {
        HistorySnapshot snapshot = Objects.requireNonNull(log, "log").snapshot();
        return html(snapshot, Checks.diagnose(snapshot), String.valueOf(file.getFileName()), null, file);
    }

    /**
     * Writes the HTML timeline of {@code snapshot} with {@code diagnosis} (normally {@code Checks.diagnose} of the
     * same snapshot) to {@code file}, titled {@code title}; {@code verdict} (what a failing test reported, or null)
     * is shown above the timeline. Returns the file.
     *
     * @throws IllegalArgumentException if the history has more than {@value HtmlPage#MAX_EVENTS} events
     */
    public static Path html(HistorySnapshot snapshot, Diagnosis diagnosis, String title, String verdict, Path file) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(title, "title");
        return write(file, "HTML report", out -> HtmlPage.write(snapshot, diagnosis, title, verdict, out));
    }

    private interface Body {
        void writeTo(Writer out) throws IOException;
    }

    private static Path write(Path file, String what, Body body) {
        Objects.requireNonNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                body.writeTo(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the " + what + " " + file, e);
        }
    }
}
