package dev.courier.fuzz.internal;

import dev.courier.history.EndpointNames;
import dev.courier.history.EventKind;
import dev.courier.history.HistorySnapshot;
import dev.courier.sim.Interleaving;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints an {@link Interleaving} as readable steps, each told by the events it recorded in the try's history:
 * {@code step 1: `b#2` sent message 1 to main before `a#1` sent message 1 to main (its turn; step 3)}. Steps that
 * recorded nothing and deviated from nothing are left out; what the test itself did between steps (posts from the
 * driving thread) is told after the step it followed.
 *
 * <p>Thread contract: stateless; reads a finished interleaving and a snapshot.
 */
public final class InterleavingText {


    private InterleavingText() {
    }

    /**
     * The steps up to {@code steps}, whose events end at index {@code end} of {@code history}: a headline, then
     * one line per step, deviations marked.
     */
    public static String render(Interleaving interleaving, int steps, int end, HistorySnapshot history) {
        Map<Long, Interleaving.Swap> swaps = new HashMap<>();
        interleaving.swaps().forEach(swap -> swaps.put(swap.step(), swap));
        Map<Long, List<Interleaving.LateTimer>> late = interleaving.lateTimers().stream()
                .collect(Collectors.groupingBy(Interleaving.LateTimer::step));
        long swapCount = interleaving.swaps().stream().filter(swap -> swap.step() <= steps).count();
        long lateCount = interleaving.lateTimers().stream().filter(timer -> timer.step() <= steps).count();
        StringBuilder text = new StringBuilder().append(steps).append(steps == 1 ? " step, " : " steps, ")
                .append(swapCount).append(swapCount == 1 ? " swap" : " swaps").append(" of round-robin order, ")
                .append(lateCount).append(lateCount == 1 ? " late timer" : " late timers");
        Set<String> begun = new HashSet<>();
        for (int step = 1; step <= steps; step++) {
            Interleaving.Swap swap = swaps.get((long) step);
            List<Interleaving.LateTimer> lateHere = late.getOrDefault((long) step, List.of());
            String loop = interleaving.loopAt(step);
            String facts = facts(history, interleaving.markBefore(step), interleaving.markAfter(step));
            boolean first = begun.add(loop);
            String between = facts(history, interleaving.markAfter(step), step < steps
                    ? interleaving.markBefore(step + 1) : end);
            if (facts == null && swap == null && lateHere.isEmpty()) {
                appendBetween(text, step, between);
                continue;
            }
            text.append("\nstep ").append(step).append(": ");
            text.append(facts != null ? facts : actor(loop) + (first && loop.startsWith(EndpointNames.WORKER_THREAD_PREFIX)
                    && !EndpointNames.isParentDispatcher(loop) ? " ran its script" : " ran a step"));
            if (swap != null) {
                int skippedAt = nextStepOf(interleaving, swap.skipped(), step, steps);
                text.append(" before ").append(skippedAt < 0 ? actor(swap.skipped()) + " ran (its turn; it did not run"
                        + " again)" : describe(interleaving, skippedAt, steps, end, history) + " (its turn; step "
                        + skippedAt + ")");
            }
            for (Interleaving.LateTimer timer : lateHere) {
                text.append("; a timer it set fires ").append(timer.lateNanos() / 1_000_000L).append(" ms late");
            }
            appendBetween(text, step, between);
        }
        return text.toString();
    }

    private static void appendBetween(StringBuilder text, int step, String between) {
        if (between != null) {
            text.append("\nafter step ").append(step).append(", the test: ").append(between);
        }
    }

    private static int nextStepOf(Interleaving interleaving, String loop, int after, int steps) {
        for (int step = after + 1; step <= steps; step++) {
            if (interleaving.loopAt(step).equals(loop)) {
                return step;
            }
        }
        return -1;
    }

    private static String describe(Interleaving interleaving, int step, int steps, int end, HistorySnapshot history) {
        String facts = facts(history, interleaving.markBefore(step), interleaving.markAfter(step));
        return facts != null ? facts : actor(interleaving.loopAt(step)) + " ran a step";
    }

    /** The readable facts among events {@code [from, to)}, or null if none. */
    private static String facts(HistorySnapshot history, int from, int to) {
        List<String> facts = new ArrayList<>();
        for (int i = from; i < Math.min(to, history.size()); i++) {
            String fact = fact(history, i);
            if (fact != null) {
                facts.add(fact);
            }
        }
        return facts.isEmpty() ? null : String.join(", ", facts);
    }

    private static String fact(HistorySnapshot history, int i) {
        EventKind kind = history.kind(i);
        String sender = history.sender(i);
        String receiver = history.receiver(i);
        return switch (kind) {
            case SENT -> quote(sender) + " sent message " + history.sequence(i) + " to " + quote(receiver);
            case DELIVERED -> quote(receiver) + " received " + quote(sender) + "'s message " + history.sequence(i);
            case DROPPED -> quote(sender) + "'s message " + history.sequence(i) + " to " + quote(receiver)
                    + " was dropped (" + history.cause(i) + ")";
            case LISTENER_ADDED -> quote(receiver != null ? receiver : sender) + " added a message listener";
            case WORKER_EXIT -> quote(receiver != null ? receiver : sender) + " exited";
            case WORKER_ERROR -> quote(receiver != null ? receiver : sender) + " failed";
            default -> null;
        };
    }

    private static String quote(String label) {
        return label == null || label.equals(EndpointNames.MAIN) ? EndpointNames.MAIN : "`" + label + "`";
    }

    /** {@code courier-worker-a-1} is {@code `a#1`}, its {@code -parent} dispatcher the main side. */
    static String actor(String loop) {
        return EndpointNames.endpointOfThread(loop).map(InterleavingText::quote).orElse("`" + loop + "`");
    }
}
