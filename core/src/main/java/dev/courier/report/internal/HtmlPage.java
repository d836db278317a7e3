package dev.courier.report.internal;

import dev.courier.history.Anomaly;
import dev.courier.history.Diagnosis;
import dev.courier.history.HistorySnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes the self-contained HTML view: the page's CSS and script inline, the history as JSON Lines in a
 * {@code <script type="application/x-ndjson">} element and the diagnosis as JSON beside it. The script builds the
 * timeline from that data in the browser; nothing is loaded from elsewhere. Stateless.
 */
public final class HtmlPage {

    /** The largest history the HTML view accepts; larger ones are refused (the JSON Lines export has no limit). */
    public static final int MAX_EVENTS = 2_000_000;

    private static final String TEMPLATE = resource("report.html");
    private static final String CSS = resource("report.css");
    private static final String SCRIPT = resource("report.js");

    private HtmlPage() {
    }

    /**
     * Writes the page for {@code snapshot} and its {@code diagnosis}, titled {@code title}, with {@code verdict} (the
     * failure message a test reported, or null) shown above the timeline.
     */
    public static void write(HistorySnapshot snapshot, Diagnosis diagnosis, String title, String verdict, Writer out)
            throws IOException {
        if (snapshot.size() > MAX_EVENTS) {
            throw new IllegalArgumentException("the HTML report draws at most " + MAX_EVENTS + " events, the history "
                    + "has " + snapshot.size() + "; export it with Reports.jsonLines instead");
        }
        String[] parts = TEMPLATE.split("@@", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i % 2 == 0) {
                out.write(parts[i]);
                continue;
            }
            switch (parts[i]) {
                case "TITLE" -> out.write(escapeHtml(title));
                case "CSS" -> out.write(CSS);
                case "SCRIPT" -> out.write(SCRIPT);
                case "EVENTS" -> EventLines.write(snapshot, out);
                case "DIAGNOSIS" -> out.write(diagnosisJson(title, verdict, diagnosis));
                default -> throw new IllegalStateException("unknown placeholder @@" + parts[i] + "@@ in report.html");
            }
        }
    }

    static String diagnosisJson(String title, String verdict, Diagnosis diagnosis) {
        StringBuilder out = new StringBuilder("{");
        Json.string(Json.name(out, "title"), title);
        Json.string(Json.name(out, "verdict"), verdict);
        Json.name(out, "anomalies").append('[');
        for (Anomaly anomaly : diagnosis.anomalies()) {
            out.append(out.charAt(out.length() - 1) == '[' ? "{" : ",{");
            Json.name(out, "kind").append('"').append(anomaly.kind().name()).append('"');
            Json.name(out, "failure").append(anomaly.isFailure());
            Json.string(Json.name(out, "endpoint"), anomaly.endpoint());
            Json.name(out, "messageIds").append('[');
            for (int i = 0; i < anomaly.messageIds().size(); i++) {
                out.append(i == 0 ? "" : ",").append(anomaly.messageIds().get(i));
            }
            out.append(']');
            Json.string(Json.name(out, "explanation"), anomaly.explanation());
            Json.string(Json.name(out, "fix"), anomaly.fix());
            out.append('}');
        }
        return out.append("]}").toString();
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the report resource " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the report resource " + name, e);
        }
    }
}
