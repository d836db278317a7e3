package dev.courier.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.courier.testkit.OnlyThroughTestKit;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs fixture classes through the JUnit test kit and reads their results. */
final class FixtureRuns {

    private FixtureRuns() {
    }

    static EngineExecutionResults run(Class<?> fixture, Map<String, String> parameters) {
        return run(selectClass(fixture), parameters);
    }

    static EngineExecutionResults run(Class<?> fixture, String method) {
        return run(fixture, method, Map.of());
    }

    static EngineExecutionResults run(Class<?> fixture, String method, Map<String, String> parameters) {
        Method found = Arrays.stream(fixture.getDeclaredMethods()).filter(m -> m.getName().equals(method)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no method " + method + " in " + fixture));
        return run(selectMethod(fixture, found), parameters);
    }

    static EngineExecutionResults run(DiscoverySelector selector, Map<String, String> parameters) {
        Map<String, String> all = new HashMap<>(parameters);
        all.put(OnlyThroughTestKit.KEY, "true");
        return EngineTestKit.engine("junit-jupiter").selectors(selector).configurationParameters(all).execute();
    }

    static Throwable failureOf(EngineExecutionResults results) {
        return failureOf(results.testEvents().failed().stream().findFirst().orElseThrow());
    }

    /** The failed tests' throwables, for assertion descriptions. */
    static List<String> failures(EngineExecutionResults results) {
        return results.testEvents().failed().stream().map(event -> String.valueOf(failureOf(event))).toList();
    }

    static Throwable failureOf(Event event) {
        return event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
    }

    static List<String> reported(EngineExecutionResults results, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .filter(pairs -> pairs.containsKey(key)).map(pairs -> pairs.get(key)).toList();
    }
}
