package dev.courier.assertions.internal;

import static dev.courier.assertions.internal.FailureText.count;

import dev.courier.history.Anomaly;
import java.time.Duration;
import java.util.List;

/** The failure texts of the endpoint assertions. Stateless. */
public final class EndpointFailureMessages {

    private EndpointFailureMessages() {
    }

    /**
     * A count expectation that does not hold (yet): too few or too many deliveries or listener completions.
     *
     * @param what      "receive" or "handle"
     * @param exactly   exactly or at least
     * @param timeout   the wait's bound, or null for a check of the history as it is now
     * @param found     the count so far
     * @param why       why the count can no longer be reached, or null
     * @param diagnosis the anomalies at the endpoint
     */
    public static String countFailure(String receiver, String what, boolean exactly, int expected, Duration timeout,
                               EndpointProgress progress, int found, String why, List<Anomaly> diagnosis) {
        String header = "Expecting `" + receiver + "` to " + (timeout == null ? "have " + pastTense(what) + " "
                : what + " ") + (exactly ? "exactly " : "at least ") + count(expected, "message")
                + (timeout == null ? "" : " within " + Timeouts.describe(timeout)) + " but it "
                + pastTense(what) + " " + found + (why == null ? "" : ", and no more can arrive: " + why);
        return FailureText.of(header + (progress.delivered() == 0 ? "" : ":"))
                .items(progress.firstDeliveries(), progress.delivered()).diagnosis(diagnosis).toString();
    }

    private static String pastTense(String what) {
        return what.equals("receive") ? "received" : "handled";
    }

    /** A delivery arrived inside a window that had to stay silent. */
    public static String receivedInWindow(String receiver, Duration window, EndpointProgress progress) {
        return FailureText.of("Expecting `" + receiver + "` to receive nothing for " + Timeouts.describe(window)
                + " but it received " + count(progress.delivered(), "message") + " within that window:")
                .items(progress.firstDeliveries(), progress.delivered()).toString();
    }

    /** Some expected payloads were not among the deliveries. */
    public static String missingPayloads(String receiver, Duration timeout, int expected, List<String> missing,
                                         List<String> received, String hint) {
        return FailureText.of("Expecting `" + receiver + "` to receive all of " + count(expected, "payload")
                + " in any order" + (timeout == null ? "" : " within " + Timeouts.describe(timeout)) + " but "
                + counted(missing.size(), "was", "were") + " missing:").items(missing)
                .line("Received " + count(received.size(), "payload") + (received.isEmpty() ? "" : ":"))
                .items(received).line(hint).toString();
    }

    /** No delivery matched; lists the skipped ones. */
    public static String notFished(String receiver, Duration timeout, String description, List<String> skipped,
                                   String hint) {
        return FailureText.of("Expecting `" + receiver + "` to receive a message matching " + description
                + (timeout == null ? "" : " within " + Timeouts.describe(timeout)) + " but none matched; skipped "
                + count(skipped.size(), "message") + (skipped.isEmpty() ? "" : ":")).items(skipped).line(hint)
                .toString();
    }

    /** "1 was" / "2 were" with the count in front. */
    private static String counted(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
