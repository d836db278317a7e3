package dev.courier.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.Anomaly;
import dev.courier.history.Checks;
import dev.courier.history.DeliveryLog;
import dev.courier.history.DropCause;
import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import dev.courier.history.Outcome;
import dev.courier.junit.fixtures.ReportFixture;
import dev.courier.report.Reports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report in headless Chromium: reports of real failing tests, and a large history. */
class ReportBrowserTests {

    private static final String TEST = "echoesThreeOrdersAndLosesOneToAWorkerWithoutListener";

    @TempDir
    Path dir;

    @Test
    void aFailingTestsReportDrawsItsHistoryLaneByLaneWithItsDropAndAnomalies() throws Exception {
        // GIVEN the report of a real failing test: three orders echoed between main and `echo`, one dropped at `deaf`
        Path html = failingTestReport();
        HistorySnapshot history = ReportFixture.LOGS.get(TEST).snapshot();
        // WHEN Chromium loads it
        Chromium.Page page = Chromium.load(html, dir);
        // THEN it rendered without a console message or error
        assertThat(page.console()).as("console messages").isEmpty();
        assertThat(attribute(page.dom(), "body", "data-state")).isEqualTo("rendered");
        assertThat(attribute(page.dom(), "body", "data-errors")).isEqualTo("0");
        // AND it has one lane per endpoint: main, echo and deaf
        Set<String> endpoints = new TreeSet<>();
        for (int i = 0; i < history.size(); i++) {
            if (history.sender(i) != null) {
                endpoints.add(history.sender(i));
            }
            endpoints.add(history.receiver(i));
        }
        List<String> lanes = all(page.dom(), "<g class=\"lane[^\"]*\" data-endpoint=\"([^\"]*)\"");
        assertThat(lanes).hasSize(3).containsExactlyInAnyOrderElementsOf(endpoints).contains("main");
        // AND one arrow per delivered message: three orders and three replies
        List<String> arrows = all(page.dom(), "<line class=\"item arrow[^\"]*\" data-item=\"\\d+\" data-message=\"(\\d+)\"");
        assertThat(arrows).hasSize(6).containsExactlyInAnyOrderElementsOf(ids(history, EventKind.DELIVERED));
        // AND the drop is drawn at its event, with its cause
        List<String> drops = all(page.dom(), "<g class=\"item drop[^\"]*\" data-item=\"\\d+\" data-message=\"\\d+\" "
                + "data-index=\"(\\d+\" data-cause=\"[A-Z_]+)\"");
        List<String> recorded = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            if (history.kind(i) == EventKind.DROPPED) {
                recorded.add(i + "\" data-cause=\"" + history.cause(i));
            }
        }
        assertThat(drops).containsExactlyElementsOf(recorded).singleElement().asString().endsWith("NO_LISTENER");
        // AND the diagnosis is listed in order, and its messages are highlighted
        List<Anomaly> anomalies = Checks.diagnose(history).anomalies();
        assertThat(all(page.dom(), "<li class=\"anomaly [a-z]+\" data-anomaly=\"\\d+\" data-kind=\"([A-Z_]+)\""))
                .containsExactlyElementsOf(anomalies.stream().map(anomaly -> anomaly.kind().name()).toList())
                .contains("LATE_LISTENER");
        Set<String> highlighted = new TreeSet<>(all(page.dom(),
                "class=\"item [a-z ]*anomalous[a-z ]*\" data-item=\"\\d+\" data-message=\"(\\d+)\""));
        Set<String> diagnosed = new TreeSet<>();
        anomalies.forEach(anomaly -> anomaly.messageIds().forEach(id -> diagnosed.add(String.valueOf(id))));
        assertThat(highlighted).isNotEmpty().isEqualTo(diagnosed);
        assertThat(page.dom()).contains("Fix: " + anomalies.get(0).fix().substring(0, 20));
    }

    @Test
    void theAddressFiltersToOneMessageAndSelectsItShowingItsEvents() throws Exception {
        // GIVEN the failing test's report, and the message it lost
        Path html = failingTestReport();
        HistorySnapshot history = ReportFixture.LOGS.get(TEST).snapshot();
        int drop = 0;
        while (history.kind(drop) != EventKind.DROPPED) {
            drop++;
        }
        long lost = history.messageId(drop);
        // WHEN Chromium opens it filtered to that message, and selecting it
        Chromium.Page page = Chromium.load(html, "ids=" + lost + "&select=" + lost, dir);
        // THEN only that message is drawn, and the details list its SENT and DROPPED events with the cause
        assertThat(page.console()).as("console messages").isEmpty();
        assertThat(all(page.dom(), "class=\"item [^\"]*\" data-item=\"\\d+\" data-message=\"(\\d+)\""))
                .isNotEmpty().containsOnly(String.valueOf(lost));
        String details = page.dom().substring(page.dom().indexOf("<div id=\"detail-body\">"));
        assertThat(details).contains("<b>message " + lost + "</b> from <code>main</code> to <code>"
                + history.receiver(drop) + "</code>").contains("<td>SENT</td>")
                .containsPattern("<td>#" + drop + "</td><td>DROPPED</td><td>[^<]*</td><td>[^<]*NO_LISTENER")
                .contains("in <b>LATE_LISTENER</b>");
        // AND filtered by kind and endpoint, only the deliveries between main and echo are left
        String echo = endpointOtherThan(history, history.receiver(drop));
        Chromium.Page delivered = Chromium.load(html, "kinds=delivered&endpoints=main,"
                + echo.replace("#", "%23"), dir);
        assertThat(all(delivered.dom(), "<g class=\"lane[^\"]*\" data-endpoint=\"([^\"]*)\""))
                .containsExactly("main", echo);
        assertThat(all(delivered.dom(), "class=\"item ([a-z]+)[^\"]*\" data-item")).hasSize(6).containsOnly("arrow");
    }

    @Test
    void aHundredThousandEventReportRendersWithinTwoSecondsDrawingOnlyWhatIsInView() throws Exception {
        // GIVEN a history of 100,000 events: 24,750 messages to four workers, one in a hundred dropped
        DeliveryLog log = DeliveryLog.create();
        int main = log.writer().endpointId("main");
        int[] workers = {log.writer().endpointId("ingest#1"), log.writer().endpointId("parse#2"), log.writer().endpointId("store#3"),
                log.writer().endpointId("index#4")};
        for (long id = 1; log.size() < 100_000; id++) {
            int to = workers[(int) (id % workers.length)];
            log.writer().appendMessageEvent(EventKind.SENT, id, id, main, to, 0, Outcome.NONE);
            if (id % 100 == 0) {
                log.writer().record(EventKind.DROPPED).message(id, id).between("main", log.snapshot().endpointLabel(to))
                        .cause(DropCause.OVERFLOW).append();
                continue;
            }
            log.writer().appendMessageEvent(EventKind.ENQUEUED, id, id, main, to, 1, Outcome.NONE);
            log.writer().appendMessageEvent(EventKind.DELIVERED, id, id, main, to, 0, Outcome.NONE);
            log.writer().appendMessageEvent(EventKind.HANDLED, id, id, main, to, 0, Outcome.OK);
        }
        Path html = Reports.html(log, dir.resolve("large.html"));
        // WHEN Chromium loads it
        Chromium.Page page = Chromium.load(html, dir);
        // THEN the page, timing itself with performance.now() from navigation start, drew within the budget
        assertThat(page.console()).as("console messages").isEmpty();
        assertThat(attribute(page.dom(), "body", "data-events")).isEqualTo(String.valueOf(log.size()));
        assertThat(attribute(page.dom(), "body", "data-lanes")).isEqualTo("5");
        double renderMs = Double.parseDouble(attribute(page.dom(), "body", "data-render-ms"));
        assertThat(renderMs).as("milliseconds from navigation start to the first drawn timeline").isLessThan(2000.0);
        // AND only what is in view was drawn, the overview aggregating the rest
        assertThat(Integer.parseInt(attribute(page.dom(), "svg id=\"chart\"", "data-drawn"))).isBetween(1, 2000);
        assertThat(all(page.dom(), "<rect class=\"(bar[a-z ]*)\"")).hasSize(300).contains("bar bad");
    }

    private Path failingTestReport() {
        Throwable failure = FixtureRuns.failureOf(FixtureRuns.run(ReportFixture.class, TEST,
                Map.of(CourierConfig.REPORT_HTML_DIR, dir.resolve("reports").toString())));
        String message = failure.getMessage();
        Path html = Path.of(message.substring(message.lastIndexOf("Courier report: ") + "Courier report: ".length()));
        try {
            assertThat(Files.readAllLines(Path.of(html.toString().replace(".html", ".jsonl"))))
                    .as("the report shows the whole history").hasSize(ReportFixture.LOGS.get(TEST).size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return html;
    }

    private static String endpointOtherThan(HistorySnapshot history, String deaf) {
        for (int i = 0; i < history.size(); i++) {
            String receiver = history.receiver(i);
            if (receiver != null && !receiver.equals(deaf) && !receiver.equals("main")) {
                return receiver;
            }
        }
        throw new AssertionError("no echo worker in " + history.events());
    }

    private static List<String> ids(HistorySnapshot history, EventKind kind) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            if (history.kind(i) == kind) {
                ids.add(String.valueOf(history.messageId(i)));
            }
        }
        return ids;
    }

    private static String attribute(String dom, String element, String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(element) + "[^>]*? " + name + "=\"([^\"]*)\"").matcher(dom);
        assertThat(matcher.find()).as("<%s> with attribute %s in the rendered page", element, name).isTrue();
        return matcher.group(1);
    }

    private static List<String> all(String dom, String regex) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(dom);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
