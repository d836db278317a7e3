package dev.courier.sim;

import dev.courier.worker.Scheduler.HostedLoop;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A simulation's loops that may have work, in the order they were first attached, and the seeded choice
 * among those with a step due. A loop with nothing pending leaves the queue and comes back when it says it
 * is ready; an ended loop is forgotten.
 *
 * <p>Thread contract: {@link #ready} may be called from any thread; {@link #pickDue} and {@link #nextDueAt}
 * are called by the thread driving the simulation. The queue's own state is guarded by its monitor, which is
 * never held while a loop is asked anything, so a loop may call {@link #ready} under its own lock.
 */
final class RunQueue {

    private final SplittableRandom random;
    private final SchedulingChoices choices; // null: the seed decides
    private final Interleaving trace;        // null unless driven by choices
    private long lastRun;
    private final Map<HostedLoop, Long> numbers = new IdentityHashMap<>();
    private final TreeMap<Long, HostedLoop> attached = new TreeMap<>();
    private long attachedCount;
    private long readyCount;

    RunQueue(long seed, SchedulingChoices choices, Interleaving trace) {
        this.random = new SplittableRandom(seed);
        this.choices = choices;
        this.trace = trace;
    }

    /** {@code loop} may have a step due: (re)attach it, keeping the place it got when first attached. */
    synchronized void ready(HostedLoop loop) {
        readyCount++;
        Long number = numbers.get(loop);
        if (number == null) {
            number = ++attachedCount;
            numbers.put(loop, number);
        }
        attached.put(number, loop);
    }

    /**
     * A loop with a step due at {@code now} among all such loops that {@code busy} does not exclude, chosen by
     * the seed, or, when driven, by the choices among them in round-robin order (recording a swap as step
     * {@code step} when it is not the first); null if none.
     */
    HostedLoop pickDue(long now, Predicate<HostedLoop> busy, long step) {
        List<HostedLoop> due = new ArrayList<>();
        sweep(now, busy, due);
        if (due.isEmpty()) {
            return null;
        }
        if (choices == null) {
            return due.size() == 1 ? due.get(0) : due.get(random.nextInt(due.size()));
        }
        HostedLoop picked = due.size() == 1 ? due.get(0) : pickInTurn(due, step);
        lastRun = numberOf(picked);
        return picked;
    }

    // The due loops come in attach order; round-robin starts after the loop that ran last.
    private HostedLoop pickInTurn(List<HostedLoop> due, long step) {
        int first = 0;
        while (first < due.size() && numberOf(due.get(first)) <= lastRun) {
            first++;
        }
        List<HostedLoop> inTurn = new ArrayList<>(due.size());
        List<String> names = new ArrayList<>(due.size());
        for (int i = 0; i < due.size(); i++) {
            HostedLoop loop = due.get((first + i) % due.size());
            inTurn.add(loop);
            names.add(loop.name());
        }
        int choice = choices.pickLoop(names);
        if (choice < 0 || choice >= inTurn.size()) {
            throw new IllegalStateException("scheduling choices picked loop " + choice + " of " + inTurn.size()
                    + " due " + names);
        }
        if (choice > 0) {
            trace.swap(new Interleaving.Swap(step, names.get(choice), names.get(0), choice));
        }
        return inTurn.get(choice);
    }

    private synchronized long numberOf(HostedLoop loop) {
        Long number = numbers.get(loop);
        return number == null ? 0L : number;
    }

    /** When the next step of a loop that {@code busy} does not exclude is due; {@link Long#MAX_VALUE} if never. */
    long nextDueAt(long now, Predicate<HostedLoop> busy) {
        return sweep(now, busy, null);
    }

    // Collects the loops due at now (if asked), drops idle loops, returns the earliest due time.
    private long sweep(long now, Predicate<HostedLoop> busy, List<HostedLoop> due) {
        List<HostedLoop> candidates;
        long readiesBefore;
        synchronized (this) {
            candidates = new ArrayList<>(attached.values());
            readiesBefore = readyCount;
        }
        long earliest = Long.MAX_VALUE;
        List<HostedLoop> idle = null;
        List<HostedLoop> ended = null;
        for (HostedLoop loop : candidates) {
            if (busy.test(loop)) {
                continue;
            }
            long at = loop.nextStepAt();
            if (at == Long.MAX_VALUE) {
                idle = append(idle, loop);
                ended = loop.hasEnded() ? append(ended, loop) : ended;
            } else if (at <= now && due != null) {
                due.add(loop);
            }
            earliest = Math.min(earliest, at);
        }
        if (idle != null) {
            detach(idle, ended == null ? List.of() : ended, readiesBefore);
        }
        return earliest;
    }

    private static List<HostedLoop> append(List<HostedLoop> list, HostedLoop loop) {
        List<HostedLoop> into = list == null ? new ArrayList<>() : list;
        into.add(loop);
        return into;
    }

    // Unless some loop said it was ready meanwhile (it may have been one of these): then keep them a round more.
    private synchronized void detach(List<HostedLoop> idle, List<HostedLoop> ended, long readiesBefore) {
        if (readyCount != readiesBefore) {
            return;
        }
        for (HostedLoop loop : idle) {
            attached.remove(numbers.get(loop));
        }
        for (HostedLoop loop : ended) {
            numbers.remove(loop);
        }
    }

    /** The names of the attached loops, for reports. */
    synchronized List<String> names() {
        return attached.values().stream().map(HostedLoop::name).toList();
    }
}
