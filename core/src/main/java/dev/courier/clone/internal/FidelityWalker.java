package dev.courier.clone.internal;

import dev.courier.clone.Difference;
import dev.courier.clone.DifferenceKind;
import java.lang.reflect.Array;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares an original with a copy, walking both with an explicit stack (no recursion, cycles on either
 * side are fine). Each original object is paired with the first copy object met at the same path; a
 * later mismatch of that pairing is an aliasing or cycle difference. Shared values ({@link SharedValues}:
 * strings, boxed values, immutable containers of shared values such as the JDK's one empty list) take no
 * part in aliasing checks, on either side: their identity is unobservable. Children are visited in the
 * original's order, so the output order is deterministic for a given payload.
 *
 * <p>Thread contract: confined to the calling thread; neither side may be mutated during a comparison.
 */
public final class FidelityWalker implements WalkSteps {

    /** Steps a comparison may take by default (visits, candidate comparisons, structural hashing). */
    public static final long DEFAULT_MAX_STEPS = 50_000_000L;

    /** Candidate comparisons nested deeper than this trust the structural hash instead of recursing. */
    static final int MAX_NESTING = 32;

    private final List<Difference> out = new ArrayList<>();
    private final ArrayDeque<Object> stack = new ArrayDeque<>();
    /** Original to its pairing (the copy met with it); copy to its pairing (the original met with it). */
    private final IdentityTable<Seen> byOriginal = new IdentityTable<>();
    private final IdentityTable<Seen> byCopy = new IdentityTable<>();
    private final SharedValues shared = new SharedValues();
    private final Context context;
    private final boolean nested;

    /** What one comparison and the candidate comparisons nested in it share. */
    private static final class Context {
        final CompareBudget budget;
        final ShapeHash shapes;
        final IdentityHashMap<Object, IdentityHashMap<Object, Boolean>> verdicts = new IdentityHashMap<>();
        int nesting;

        Context(long maxSteps) {
            this.budget = new CompareBudget(maxSteps);
            this.shapes = new ShapeHash(budget);
        }
    }

    /**
     * An original and the copy met with it at a path, the value of both identity maps; on the stack it marks
     * where the walk below the original ends, and then the original's walk has finished.
     */
    private static final class Seen {
        final Object original;
        final Object copy;
        final PathNode path;
        boolean finished;

        Seen(Object original, Object copy, PathNode path) {
            this.original = original;
            this.copy = copy;
            this.path = path;
        }
    }

    /**
     * The parts of two values still to pair, in order: the elements of two sequences index by index, or the
     * named parts of two values of one shape name by name. One stack entry for all of them.
     */
    private static final class PartsCursor {
        final List<?> original;
        final List<?> copy;
        final View originalParts;
        final View copyParts;
        final PathNode path;
        final int count;
        int next;

        private PartsCursor(List<?> original, List<?> copy, View originalParts, View copyParts, PathNode path,
                            int count) {
            this.original = original;
            this.copy = copy;
            this.originalParts = originalParts;
            this.copyParts = copyParts;
            this.path = path;
            this.count = count;
        }

        static PartsCursor sequences(List<?> original, List<?> copy, PathNode path, int common) {
            return new PartsCursor(original, copy, null, null, path, common);
        }

        static PartsCursor named(View original, View copy, PathNode path) {
            return new PartsCursor(null, null, original, copy, path, original.names.length);
        }
    }

    private FidelityWalker(Context context, boolean nested) {
        this.context = context;
        this.nested = nested;
    }

    /** The differences between {@code original} and {@code copy}, within the default step budget. */
    public static List<Difference> compare(Object original, Object copy) {
        return compare(original, copy, DEFAULT_MAX_STEPS);
    }

    /**
     * The differences between {@code original} and {@code copy}.
     *
     * @throws IllegalStateException when the comparison needs more than {@code maxSteps} steps
     */
    public static List<Difference> compare(Object original, Object copy, long maxSteps) {
        FidelityWalker walker = new FidelityWalker(new Context(maxSteps), false);
        walker.walk(original, copy);
        return List.copyOf(walker.out);
    }

    /** Walks the pair; a nested walker stops at its first difference. */
    private void walk(Object original, Object copy) {
        stack.push(new PartPair(original, copy, PathNode.ROOT, false));
        while (!stack.isEmpty() && (!nested || out.isEmpty())) {
            Object item = stack.pop();
            if (item instanceof PartPair pair) {
                visit(pair.original(), pair.copy(), pair.path(), pair.transientField());
            } else if (item instanceof Seen seen) {
                seen.finished = true;
            } else if (item instanceof PartsCursor cursor) {
                visitParts(cursor);
            } else {
                out.add((Difference) item);
            }
        }
    }

    /**
     * Visits the cursor's next parts in order. Before each part the cursor goes back on the stack if parts
     * remain; when the part's visit pushed nothing above it (a leaf, a value seen before), the cursor is taken
     * off again and the next part follows at once, so a run of leaves costs no stack traffic.
     */
    private void visitParts(PartsCursor cursor) {
        while (cursor.next < cursor.count) {
            int at = cursor.next++;
            boolean more = cursor.next < cursor.count;
            if (more) {
                stack.push(cursor);
            }
            int depth = stack.size();
            if (cursor.original != null) {
                visit(cursor.original.get(at), cursor.copy.get(at), cursor.path.index(at), false);
            } else {
                View va = cursor.originalParts;
                visit(va.values[at], cursor.copyParts.values[at], cursor.path.field(va.names[at]), va.isTransient(at));
            }
            if (!more || stack.size() != depth || (nested && !out.isEmpty())) {
                return;
            }
            stack.pop();
        }
    }

    /**
     * Whether {@code a} and {@code copy} compare without any difference, as a candidate pairing inside a
     * set or map. Memoised per pair; a pair met again while it is being compared (a cycle) is assumed to
     * match, and beyond {@link #MAX_NESTING} nested candidate comparisons the structural hash decides.
     */
    @Override
    public boolean matches(Object a, Object copy) {
        IdentityHashMap<Object, Boolean> row = context.verdicts.computeIfAbsent(a, k -> new IdentityHashMap<>());
        Boolean known = row.get(copy);
        if (known != null) {
            return known;
        }
        if (context.nesting >= MAX_NESTING) {
            return true;
        }
        row.put(copy, Boolean.TRUE);
        context.nesting++;
        try {
            FidelityWalker candidate = new FidelityWalker(context, true);
            candidate.walk(a, copy);
            boolean same = candidate.out.isEmpty();
            row.put(copy, same);
            return same;
        } finally {
            context.nesting--;
        }
    }

    /** The structural hashes of this comparison. */
    @Override
    public ShapeHash shapes() {
        return context.shapes;
    }

    /** Spends one step of the budget. */
    @Override
    public void step() {
        context.budget.step();
    }

    private void report(PathNode path, DifferenceKind kind, String expected, String actual) {
        out.add(new Difference(path.toString(), kind, expected, actual));
    }

    private void visit(Object a, Object b, PathNode path, boolean transientField) {
        if (!nested) {
            context.budget.at(path);
        }
        context.budget.step();
        if (transientField && a != null && isDefault(b) && !isDefault(a)) {
            report(path, DifferenceKind.MISSING, Render.value(a), Render.value(b) + " (transient field)");
            return;
        }
        if (a == null || b == null) {
            if (b == null && a != null) {
                report(path, DifferenceKind.MISSING, Render.value(a), "null");
            } else if (a == null && b != null) {
                report(path, DifferenceKind.EXTRA, "null", Render.value(b));
            }
            return;
        }
        if (a.getClass() == b.getClass() && PrimitiveArrays.isPrimitiveArray(a.getClass())) {
            if (!checkTopology(a, b, path, null)) {
                return;
            }
            if (PrimitiveArrays.equal(a, b) && context.budget.trySpend(Array.getLength(a))) {
                // equal element by element: visiting each element would find nothing and spend as much; and
                // with nothing below it to walk, the array's walk ends here, where its exit mark lies on top
                ((Seen) stack.pop()).finished = true;
                return;
            }
            compareContents(a, b, path, Views.of(a), Views.of(b));
            return;
        }
        // an immutable container's view is needed to tell whether it is shared: made once, used twice
        View va = Views.isImmutableContainerClass(a.getClass()) ? Views.of(a) : null;
        boolean sharedOriginal = shared.isShared(a, va);
        if (sharedOriginal && a == b) {
            return; // one immutable value on both sides: nothing in it can differ
        }
        View vb = Views.isImmutableContainerClass(b.getClass()) ? Views.of(b) : null;
        boolean topologyFine = sharedOriginal ? checkCopyTopology(a, b, path, vb) : checkTopology(a, b, path, vb);
        if (!topologyFine) {
            return;
        }
        if (a.getClass() == b.getClass() && Views.isSharedLeafClass(a.getClass())) {
            // a boxed value, a string...: its view would be the value itself
            if (!Objects.equals(a, b)) {
                report(path, DifferenceKind.VALUE_CHANGED, Render.value(a), Render.value(b));
            }
            return;
        }
        compareContents(a, b, path, va == null ? Views.of(a) : va, vb == null ? Views.of(b) : vb);
    }

    /** Pairs a with b; false if the pair was seen before or must not be descended into. */
    private boolean checkTopology(Object a, Object b, PathNode path, View vb) {
        Seen known = byOriginal.get(a);
        if (known != null) {
            if (known.copy != b) {
                DifferenceKind kind = known.finished ? DifferenceKind.ALIASING_LOST : DifferenceKind.CYCLE_BROKEN;
                report(path, kind, "the same object as " + known.path, "a distinct " + b.getClass().getName());
            }
            return false;
        }
        Seen knownOriginal = byCopy.get(b);
        if (knownOriginal != null) {
            report(path, DifferenceKind.ALIASING_ADDED, "a distinct " + a.getClass().getName(),
                    "the same object as " + knownOriginal.path);
            return false;
        }
        Seen seen = new Seen(a, b, path);
        byOriginal.put(a, seen);
        if (!shared.isShared(b, vb)) {
            byCopy.put(b, seen);
        }
        if (a == b && !Views.isImmutableContainer(a)) {
            report(path, DifferenceKind.NOT_ISOLATED, "an independent copy of " + Render.value(a), "the same object");
            seen.finished = true;
            return false;
        }
        stack.push(seen);
        return true;
    }

    /**
     * For a shared original only the copy can alias: a mutable copy already met for another original.
     * False if {@code b} was compared before and must not be descended into again.
     */
    private boolean checkCopyTopology(Object a, Object b, PathNode path, View vb) {
        if (shared.isShared(b, vb)) {
            return true;
        }
        Seen knownOriginal = byCopy.get(b);
        if (knownOriginal != null) {
            if (knownOriginal.original != a) {
                report(path, DifferenceKind.ALIASING_ADDED, "a distinct " + a.getClass().getName(),
                        "the same object as " + knownOriginal.path);
            }
            return false;
        }
        byCopy.put(b, new Seen(a, b, path));
        return true;
    }

    private void compareContents(Object a, Object b, PathNode path, View va, View vb) {
        if (a.getClass() != b.getClass()) {
            report(path, DifferenceKind.TYPE_CHANGED, a.getClass().getName(), b.getClass().getName());
            if (!compatible(va, vb)) {
                return;
            }
        }
        switch (va.kind) {
            case LEAF -> {
                if (a.getClass() == b.getClass() && !Objects.equals(va.leaf, vb.leaf)) {
                    report(path, DifferenceKind.VALUE_CHANGED, Render.value(va.leaf), Render.value(vb.leaf));
                }
            }
            case KEYED -> {
                if (va.names != null && vb.names != null
                        && (va.names == vb.names || Arrays.equals(va.names, vb.names))) {
                    compareNamedParts(va, vb, path);
                } else {
                    new KeyedComparison(this, va, vb, path).run();
                }
            }
            case SEQUENCE, SET -> {
                if (va.kind == View.Kind.SET && vb.kind == View.Kind.SET) {
                    new SetComparison(this, va.set, vb.set, path).run();
                } else {
                    compareSequences(va, vb, path);
                }
            }
            default -> {
                // opaque JDK object: nothing observable to compare
            }
        }
    }

    /** Parts of the same names on both sides (one class's fields): paired name by name, in order. */
    private void compareNamedParts(View va, View vb, PathNode path) {
        if (va.names.length > 0) {
            stack.push(PartsCursor.named(va, vb, path));
        }
    }

    private static boolean compatible(View va, View vb) {
        boolean aSeq = va.kind == View.Kind.SEQUENCE || va.kind == View.Kind.SET;
        boolean bSeq = vb.kind == View.Kind.SEQUENCE || vb.kind == View.Kind.SET;
        return (va.kind == View.Kind.KEYED && vb.kind == View.Kind.KEYED) || (aSeq && bSeq);
    }

    private void compareSequences(View va, View vb, PathNode path) {
        List<?> la = va.asList();
        List<?> lb = vb.asList();
        if (va.ordered && vb.ordered && la.size() == lb.size() && allLeaves(la) && !la.equals(lb)
                && sameCounts(la, lb)) {
            report(path, DifferenceKind.ORDER_CHANGED, Render.list(la), Render.list(lb));
            return;
        }
        int common = Math.min(la.size(), lb.size());
        // pushed last to first, so that they are met in order: pairs, then missing, then extra elements
        for (int i = lb.size() - 1; i >= common; i--) {
            stack.push(new Difference(path.index(i).toString(), DifferenceKind.EXTRA, "absent",
                    Render.value(lb.get(i))));
        }
        for (int i = la.size() - 1; i >= common; i--) {
            stack.push(new Difference(path.index(i).toString(), DifferenceKind.MISSING, Render.value(la.get(i)),
                    "absent"));
        }
        if (common > 0) {
            stack.push(PartsCursor.sequences(la, lb, path, common));
        }
    }

    /** Pushes items so that they are processed in list order. */
    @Override
    public void pushInOrder(List<Object> items) {
        for (int i = items.size() - 1; i >= 0; i--) {
            stack.push(items.get(i));
        }
    }

    /** The copy already paired with {@code original}, or null. */
    @Override
    public Object pairedCopy(Object original) {
        Seen seen = byOriginal.get(original);
        return seen == null ? null : seen.copy;
    }

    static boolean isDefault(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue() == 0 && !(value instanceof Double d && d.isNaN());
        }
        return value == null || Boolean.FALSE.equals(value) || Character.valueOf('\0').equals(value);
    }

    private static boolean allLeaves(List<?> list) {
        for (Object element : list) {
            if (element != null && (!Immutables.isShared(element.getClass()) || element.getClass().isRecord())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameCounts(List<?> la, List<?> lb) {
        Map<Object, Integer> counts = new HashMap<>();
        for (Object element : la) {
            counts.merge(element == null ? NullKey.NULL : element, 1, Integer::sum);
        }
        for (Object element : lb) {
            Integer left = counts.merge(element == null ? NullKey.NULL : element, -1, Integer::sum);
            if (left < 0) {
                return false;
            }
        }
        return true;
    }

    private enum NullKey { NULL }
}
