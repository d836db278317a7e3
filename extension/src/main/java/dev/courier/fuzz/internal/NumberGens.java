package dev.courier.fuzz.internal;

import dev.courier.fuzz.Gen;
import dev.courier.fuzz.Gen.ChoiceSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Numeric generators biased to edge values. The first choice picks a mode; mode 0 is a plain draw, so the
 * shrinker moves edge and small-range values toward the plain mode, where sign and magnitude choices keep
 * their meaning and shrink toward zero (or the bound nearest zero).
 */
public final class NumberGens {

    private static final int MODES = 16;
    private static final long SMALL = 100;
    private static final long MEDIUM = 10_000;

    private NumberGens() {
    }

    /**
     * Longs in {@code [min, max]}: 6/16 plain, 4/16 within 100, 3/16 within 10,000, 3/16 edge values. Choices
     * are always [mode, edge index, sign (if the range spans 0), magnitude]; mode and edge index only steer
     * random generation, so a replayed value depends on sign and magnitude alone and shrinks toward 0.
     */
    public static Gen<Long> longs(long min, long max, String description) {
        if (min > max) {
            throw new IllegalArgumentException(description + ": min " + min + " is greater than max " + max);
        }
        long[] edges = integerEdges(min, max);
        return Gen.of(description, source -> {
            long mode = source.choose(0, MODES - 1);
            long edge = edges[(int) source.choose(0, edges.length - 1)];
            if (mode >= 13) {
                return integral(source, min, max, -1L, edge);
            }
            return integral(source, min, max, mode < 6 ? -1L : mode < 10 ? SMALL : MEDIUM, null);
        });
    }

    /** Sign and magnitude choices; a non-null {@code target} is what random generation should produce. */
    private static long integral(ChoiceSource source, long min, long max, long cap, Long target) {
        if (min >= 0) {
            return min + magnitude(source, max - min, cap, target == null ? null : target - min);
        }
        if (max <= 0) {
            return max - magnitude(source, max - min, cap, target == null ? null : max - target);
        }
        boolean negative = target == null ? source.choose(0, 1) == 1
                : source.chooseBiased(0, 1, target < 0 ? 1 : 0) == 1;
        if (negative) {
            return -1 - magnitude(source, -(min + 1), cap, target == null ? null : -1 - target);
        }
        return magnitude(source, max, cap, target);
    }

    /** A choice in {@code [0, range]}, all unsigned (shifted by MIN_VALUE so the signed bounds are ordered). */
    private static long magnitude(ChoiceSource source, long range, long cap, Long target) {
        if (target == null) {
            return source.choose(Long.MIN_VALUE, Long.MIN_VALUE + unsignedMin(range, cap)) - Long.MIN_VALUE;
        }
        return source.chooseBiased(Long.MIN_VALUE, Long.MIN_VALUE + range, Long.MIN_VALUE + target) - Long.MIN_VALUE;
    }

    private static long unsignedMin(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }

    private static long[] integerEdges(long min, long max) {
        long origin = Math.max(min, Math.min(max, 0));
        Set<Long> edges = new LinkedHashSet<>(List.of(origin, min, max));
        for (long candidate : new long[] {1, -1, 2, -2}) {
            if (candidate >= min && candidate <= max) {
                edges.add(candidate);
            }
        }
        if (min < max) {
            edges.add(min + 1);
            edges.add(max - 1);
        }
        return edges.stream().mapToLong(Long::longValue).toArray();
    }

    private static final double[] DOUBLE_EDGES = {
        0.0, -0.0, 1.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 0.5, 0.1
    };

    /**
     * Any double: 8/16 simple (sign, whole part up to 10^6, 1/1024 fractions), 4/16 raw bit patterns, 4/16
     * edge values. Choices are [mode, edge index, form, form's choices]; edges are produced through the
     * simple or raw form, so mode and edge index only steer random generation.
     */
    public static Gen<Double> doubles() {
        return Gen.of("doubles()", source -> {
            long mode = source.choose(0, MODES - 1);
            double edge = DOUBLE_EDGES[(int) source.choose(0, DOUBLE_EDGES.length - 1)];
            Double target = mode >= 12 ? edge : null;
            boolean simple = target == null ? mode < 8 : isSimple(target);
            if (source.chooseBiased(0, 1, simple ? 0 : 1) == 1) {
                return rawBits(source, target);
            }
            boolean negative = biased(source, 1, target == null ? null : target < 0 ? 1L : 0L) == 1;
            double magnitude = target == null ? 0 : Math.abs(target);
            long whole = biased(source, 1_000_000, target == null ? null : (long) magnitude);
            long fraction = biased(source, 1023, target == null ? null : (long) ((magnitude - whole) * 1024));
            double value = whole + fraction / 1024.0;
            return negative ? -value : value;
        });
    }

    /**
     * Finite doubles in {@code [min, max]}: 12/16 plain fractions of the range (shrinking toward {@code min}),
     * 4/16 the bounds and edge values inside them (drawn as raw bits, clamped into the range).
     */
    public static Gen<Double> doubles(double min, double max) {
        String description = "doubles(" + min + ", " + max + ")";
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException(description + ": bounds must be finite with min <= max");
        }
        List<Double> edges = new ArrayList<>(List.of(min, max));
        List<Double> candidates = new ArrayList<>(List.of(Math.nextUp(min), Math.nextDown(max)));
        for (double edge : DOUBLE_EDGES) {
            candidates.add(edge);
        }
        for (double edge : candidates) {
            if (edge >= min && edge <= max) {
                edges.add(edge);
            }
        }
        return Gen.of(description, source -> {
            long mode = source.choose(0, MODES - 1);
            double edge = edges.get((int) source.choose(0, edges.size() - 1));
            if (source.chooseBiased(0, 1, mode >= 12 ? 1 : 0) == 1) {
                double value = rawBits(source, mode >= 12 ? edge : null);
                return Double.isNaN(value) ? min : Math.max(min, Math.min(max, value));
            }
            double fraction = source.choose(0, (1L << 53) - 1) / (double) (1L << 53);
            double value = min * (1 - fraction) + max * fraction;
            return Math.max(min, Math.min(max, value));
        });
    }

    private static boolean isSimple(double value) {
        double scaled = Math.abs(value) * 1024;
        return Double.isFinite(value) && Math.abs(value) <= 1_000_000 && scaled == Math.rint(scaled)
                && !(value == 0 && Double.doubleToRawLongBits(value) != 0);
    }

    private static long biased(ChoiceSource source, long max, Long target) {
        return target == null ? source.choose(0, max) : source.chooseBiased(0, max, target);
    }

    /** Raw IEEE bits; choice 0 is 0.0 (the choice is shifted by MIN_VALUE to order the signed bounds). */
    private static double rawBits(ChoiceSource source, Double target) {
        long choice = target == null ? source.choose(Long.MIN_VALUE, Long.MAX_VALUE)
                : source.chooseBiased(Long.MIN_VALUE, Long.MAX_VALUE,
                        Double.doubleToRawLongBits(target) ^ Long.MIN_VALUE);
        return Double.longBitsToDouble(choice ^ Long.MIN_VALUE);
    }
}
