package dev.courier.assertions;

import dev.courier.assertions.internal.FailureText;
import dev.courier.history.Anomaly;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Assertions over one diagnosed {@link Anomaly}, for tests that must pin the diagnosis text (samples
 * that reproduce a fault on purpose). Obtained from {@link AbstractHistoryAssert#hasAnomaly}.
 *
 * <p>Thread contract: used by one test thread; the anomaly is immutable.
 */
public class AnomalyAssert extends AbstractCourierAssert<AnomalyAssert, Anomaly> {

    public AnomalyAssert(Anomaly anomaly) {
        super(anomaly, AnomalyAssert.class);
    }

    /** The explanation is exactly {@code expected}. */
    public AnomalyAssert hasExplanation(String expected) {
        if (proceed() && !actual.explanation().equals(expected)) {
            failWithText(mismatch("explanation to be", List.of(expected), actual.explanation()));
        }
        return myself;
    }

    /** The explanation contains every one of {@code parts}. */
    public AnomalyAssert hasExplanationContaining(String... parts) {
        if (proceed() && !containsAll(actual.explanation(), parts)) {
            failWithText(mismatch("explanation to contain", Arrays.asList(parts), actual.explanation()));
        }
        return myself;
    }

    /** The fix contains every one of {@code parts}. */
    public AnomalyAssert hasFixContaining(String... parts) {
        if (proceed() && !containsAll(actual.fix(), parts)) {
            failWithText(mismatch("fix to contain", Arrays.asList(parts), actual.fix()));
        }
        return myself;
    }

    /** The anomaly is at {@code endpoint} (a receiver, worker or sender label). */
    public AnomalyAssert isAt(String endpoint) {
        if (proceed() && !Objects.equals(actual.endpoint(), endpoint)) {
            failWithText(mismatch("endpoint to be", List.of(String.valueOf(endpoint)), actual.endpoint()));
        }
        return myself;
    }

    /** The anomaly concerns exactly these messages, in log order. */
    public AnomalyAssert concernsMessages(Long... messageIds) {
        if (proceed() && !actual.messageIds().equals(Arrays.asList(messageIds))) {
            failWithText(mismatch("messages to be", List.of(Arrays.toString(messageIds)),
                    actual.messageIds().toString()));
        }
        return myself;
    }

    private static boolean containsAll(String text, String... parts) {
        return Arrays.stream(parts).allMatch(part -> text.contains(Objects.requireNonNull(part, "part")));
    }

    private String mismatch(String what, List<String> expected, String was) {
        return FailureText.of("Expecting the " + actual.kind() + " anomaly's " + what + ":")
                .items(expected.stream().map(text -> "\"" + text + "\"").toList())
                .line("but it was:\n  \"" + was + "\"").line("Anomaly:\n  " + actual).toString();
    }
}
