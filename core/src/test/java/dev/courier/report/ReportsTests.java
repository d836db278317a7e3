package dev.courier.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.Checks;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.history.History;
import dev.courier.history.Outcome;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTests {

    @TempDir
    Path dir;

    private static History lateListener() {
        History history = new History();
        history.online("transcoder#1", "transcoder");
        history.roundTrip(1, 1, "main", "transcoder#1");
        history.at(5).sentAndDropped(2, "main", "transcoder#1", DropCause.NO_LISTENER);
        history.at(40).listenerAdded("transcoder#1", "message", 1);
        return history;
    }

    @Test
    void jsonLinesHasOneObjectPerEventWithTheDocumentedFields() throws IOException {
        // GIVEN a history of seven events
        History history = lateListener();
        // WHEN it is exported
        Path file = Reports.jsonLines(history.log, dir.resolve("nested/history.jsonl"));
        // THEN every event is one line, with only the fields that apply to its kind
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(history.snapshot().size());
        assertThat(lines.get(0)).isEqualTo("{\"index\":0,\"kind\":\"WORKER_ONLINE\",\"timeNanos\":1000000000,"
                + "\"receiver\":\"transcoder#1\",\"detail\":\"transcoder\"}");
        assertThat(lines.get(4)).isEqualTo("{\"index\":4,\"kind\":\"HANDLED\",\"timeNanos\":1000000000,\"messageId\":1,"
                + "\"sender\":\"main\",\"sequence\":1,\"receiver\":\"transcoder#1\",\"outcome\":\"OK\"}");
        assertThat(lines.get(6)).isEqualTo("{\"index\":6,\"kind\":\"DROPPED\",\"timeNanos\":1005000000,\"messageId\":2,"
                + "\"sender\":\"main\",\"sequence\":2,\"receiver\":\"transcoder#1\",\"number\":0,\"cause\":\"NO_LISTENER\"}");
    }

    @Test
    void textThatCouldEndTheEmbeddingScriptIsEscaped() throws IOException {
        // GIVEN a detail text with markup, quotes and a line break
        History history = new History();
        history.message(EventKind.CLONE_FAILED, 1, 1, "main", "w#1").detail("$.x </script><b>\"q\"\n&").append();
        // WHEN it is exported
        StringWriter out = new StringWriter();
        Reports.jsonLines(history.snapshot(), out);
        // THEN it stays on one line and holds no raw angle bracket or ampersand
        assertThat(out.toString()).isEqualTo("{\"index\":0,\"kind\":\"CLONE_FAILED\",\"timeNanos\":1000000000,"
                + "\"messageId\":1,\"sender\":\"main\",\"sequence\":1,\"receiver\":\"w#1\",\"detail\":"
                + "\"$.x \\u003c/script\\u003e\\u003cb\\u003e\\\"q\\\"\\n\\u0026\"}\n");
    }

    @Test
    void payloadsAndErrorsAreSummarizedInBoundedText() throws IOException {
        // GIVEN a payload whose toString throws, a long one, an array, and an error
        History history = new History();
        Object hostile = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        history.message(EventKind.SENT, 1, 1, "main", "w#1").payload(hostile).append();
        history.message(EventKind.SENT, 2, 2, "main", "w#1").payload("x".repeat(5000)).append();
        history.message(EventKind.SENT, 3, 3, "main", "w#1").payload(new int[7]).append();
        history.messageError(4, "main", "w#1", Outcome.UNHANDLED, new IllegalArgumentException("bad bytes"));
        // WHEN it is exported
        StringWriter out = new StringWriter();
        Reports.jsonLines(history.snapshot(), out);
        // THEN each summary names the type and stays short
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).contains("\"payload\":\"" + hostile.getClass().getSimpleName()
                + ": \\u003ctoString() threw IllegalStateException\\u003e\"");
        assertThat(lines[1]).contains("\"payload\":\"String: xxx").hasSizeLessThan(400).contains("...\"");
        assertThat(lines[2]).contains("\"payload\":\"int[7]\"");
        assertThat(lines[3]).contains("\"error\":\"java.lang.IllegalArgumentException: bad bytes\"");
    }

    @Test
    void htmlEmbedsTheHistoryAndItsDiagnosisAndLoadsNothingFromElsewhere() throws IOException {
        // GIVEN the late-listener history
        History history = lateListener();
        // WHEN its HTML view is written
        Path file = Reports.html(history.log, dir.resolve("late.html"));
        // THEN the page carries the events as JSON Lines, the diagnosis, and no reference to another resource
        String page = Files.readString(file, StandardCharsets.UTF_8);
        StringWriter lines = new StringWriter();
        Reports.jsonLines(history.snapshot(), lines);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<title>Courier report: late.html</title>")
                .contains(lines.toString())
                .contains("\"kind\":\"LATE_LISTENER\",\"failure\":true,\"endpoint\":\"transcoder#1\",\"messageIds\":[2]")
                .doesNotContain("src=").doesNotContain("href=").doesNotContain("@import").doesNotContain("@@");
        assertThat(Checks.diagnose(history.log).anomalies()).isNotEmpty();
    }
}
