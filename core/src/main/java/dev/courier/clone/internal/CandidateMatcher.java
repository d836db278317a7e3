package dev.courier.clone.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs the original's set elements (or map keys) that equals could not match with the copy's leftover
 * ones. Both sides are bucketed by {@link ShapeHash}: a value is only ever compared with candidates of its
 * own bucket, and a bucket holding one original and one candidate pairs them without comparing (the walk
 * that follows reports whatever differs deeper, with its path). Within a larger bucket, a candidate is
 * taken when the nested comparison finds no difference (verdicts memoised per pair); originals left over
 * then take the bucket's remaining candidates in order, so deeper differences are still reported where
 * they are rather than as a missing and an extra element.
 *
 * <p>Thread contract: confined to one comparison's thread.
 */
final class CandidateMatcher {

    /** Answered for an original with no candidate. */
    static final Object NONE = new Object();

    private CandidateMatcher() {
    }

    /** For each original, in order, the candidate it is paired with, or {@link #NONE}. */
    static Object[] match(WalkSteps walker, List<?> originals, List<?> candidates) {
        Object[] result = new Object[originals.size()];
        if (candidates.isEmpty()) {
            Arrays.fill(result, NONE);
            return result;
        }
        ShapeHash shapes = walker.shapes();
        Map<Integer, List<Object>> buckets = new HashMap<>();
        for (Object candidate : candidates) {
            buckets.computeIfAbsent(shapes.of(candidate), h -> new ArrayList<>()).add(boxNull(candidate));
        }
        int[] hashes = new int[originals.size()];
        Map<Integer, Integer> originalsPerHash = new HashMap<>();
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = shapes.of(originals.get(i));
            originalsPerHash.merge(hashes[i], 1, Integer::sum);
        }
        for (int i = 0; i < hashes.length; i++) {
            result[i] = NONE;
            List<Object> bucket = buckets.get(hashes[i]);
            if (bucket == null || bucket.isEmpty()) {
                continue;
            }
            Object original = originals.get(i);
            if (bucket.size() == 1 && originalsPerHash.get(hashes[i]) == 1) {
                result[i] = unboxNull(bucket.remove(0));
                continue;
            }
            for (int c = 0; c < bucket.size(); c++) {
                if (walker.matches(original, unboxNull(bucket.get(c)))) {
                    result[i] = unboxNull(bucket.remove(c));
                    break;
                }
            }
        }
        for (int i = 0; i < hashes.length; i++) {
            List<Object> bucket = buckets.get(hashes[i]);
            if (result[i] == NONE && bucket != null && !bucket.isEmpty()) {
                result[i] = unboxNull(bucket.remove(0));
            }
        }
        return result;
    }

    private static final Object NULL = new Object();

    private static Object boxNull(Object value) {
        return value == null ? NULL : value;
    }

    private static Object unboxNull(Object value) {
        return value == NULL ? null : value;
    }
}
