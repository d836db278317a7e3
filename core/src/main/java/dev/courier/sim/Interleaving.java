package dev.courier.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The interleaving a driven {@link Simulation} ran: which loop ran each step, the decisions that deviated from
 * round-robin order (a loop ran before the one whose turn it was) and the timers that fired late. Facts only; a
 * report turns them into readable steps together with the history recorded meanwhile ({@link #markBefore(int)}
 * gives, for each step, the mark taken just before it ran, for example the log's size).
 *
 * <p>Thread contract: written by the thread driving the simulation; read it after the run returned.
 */
public final class Interleaving {

    /**
     * A loop ran out of turn.
     *
     * @param step    the step (from 1) the loop ran
     * @param ran     the loop that ran
     * @param skipped the loop whose turn it was in round-robin order
     * @param choice  the index chosen among the loops due, in round-robin order (1 or more)
     */
    public record Swap(long step, String ran, String skipped, int choice) {
    }

    /**
     * A timer was set to fire later than asked.
     *
     * @param step       the step (from 1) during which it was set, 0 if outside any step
     * @param loop       the loop that set it
     * @param lateNanos  how much later than asked it fires
     */
    public record LateTimer(long step, String loop, long lateNanos) {
    }

    private final List<String> stepLoops = new ArrayList<>();
    private final List<Swap> swaps = new ArrayList<>();
    private final List<LateTimer> lateTimers = new ArrayList<>();
    private int[] marks = new int[16];
    private int[] endMarks = new int[16];

    Interleaving() {
    }

    /** Step {@code loop} begins; returns its index, for {@link #ended}. */
    int step(String loop, int mark) {
        if (stepLoops.size() == marks.length) {
            marks = Arrays.copyOf(marks, marks.length * 2);
            endMarks = Arrays.copyOf(endMarks, endMarks.length * 2);
        }
        marks[stepLoops.size()] = mark;
        stepLoops.add(loop);
        return stepLoops.size() - 1;
    }

    void ended(int index, int mark) {
        endMarks[index] = mark;
    }

    void swap(Swap swap) {
        swaps.add(swap);
    }

    void lateTimer(LateTimer late) {
        lateTimers.add(late);
    }

    /** Steps run. */
    public int steps() {
        return stepLoops.size();
    }

    /** The loop that ran step {@code step} (from 1). */
    public String loopAt(int step) {
        return stepLoops.get(step - 1);
    }

    /** The mark taken just before step {@code step} (from 1) ran; 0 without a mark source. */
    public int markBefore(int step) {
        return marks[step - 1];
    }

    /**
     * The mark taken just after step {@code step} (from 1) ended; what was recorded from there to the next step's
     * mark happened between steps (the driving thread's own actions, such as posts from the test).
     */
    public int markAfter(int step) {
        return endMarks[step - 1];
    }

    /** The loops that ran out of turn, in step order. */
    public List<Swap> swaps() {
        return List.copyOf(swaps);
    }

    /** The timers that fire late, in the order they were set. */
    public List<LateTimer> lateTimers() {
        return List.copyOf(lateTimers);
    }

    /** Swaps plus late timers: how far this interleaving is from the plain one. */
    public int deviations() {
        return swaps.size() + lateTimers.size();
    }

    @Override
    public String toString() {
        return "Interleaving[" + steps() + " steps, " + swaps.size() + " swaps, " + lateTimers.size()
                + " late timers]";
    }
}
