package dev.courier.clone.internal;

import java.util.List;

/**
 * What the set, keyed and candidate comparisons need from the fidelity walk they run in: its structural hashes,
 * nested candidate verdicts, the step budget, the pairing found so far, and scheduling of child comparisons.
 *
 * <p>Thread contract: confined to one comparison's thread.
 */
interface WalkSteps {

    /** Whether {@code original} and {@code copy} compare without any difference (memoised per pair). */
    boolean matches(Object original, Object copy);

    /** The structural hashes of this comparison. */
    ShapeHash shapes();

    /** Spends one step of the budget. */
    void step();

    /** Schedules items ({@link PartPair}s or differences) so that they are processed in list order. */
    void pushInOrder(List<Object> items);

    /** The copy already paired with {@code original}, or null. */
    Object pairedCopy(Object original);
}
