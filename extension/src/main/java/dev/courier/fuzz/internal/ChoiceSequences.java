package dev.courier.fuzz.internal;

import java.util.Arrays;

/** Operations on choice sequences: the shortlex order the shrinker minimizes, and edits. */
final class ChoiceSequences {

    private ChoiceSequences() {
    }

    /** Shortlex: shorter first, then element by element as unsigned values. */
    static int compare(long[] a, long[] b) {
        if (a.length != b.length) {
            return Integer.compare(a.length, b.length);
        }
        for (int i = 0; i < a.length; i++) {
            int c = Long.compareUnsigned(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    static long[] delete(long[] s, int from, int to) {
        long[] out = new long[s.length - (to - from)];
        System.arraycopy(s, 0, out, 0, from);
        System.arraycopy(s, to, out, from, s.length - to);
        return out;
    }

    static long[] zero(long[] s, int from, int to) {
        long[] out = s.clone();
        Arrays.fill(out, from, to, 0L);
        return out;
    }

    static long[] with(long[] s, int index, long value) {
        long[] out = s.clone();
        out[index] = value;
        return out;
    }

    /** Swaps two adjacent, equally long blocks {@code [a, a+len)} and {@code [a+len, a+2len)}. */
    static long[] swap(long[] s, int a, int len) {
        long[] out = s.clone();
        System.arraycopy(s, a + len, out, a, len);
        System.arraycopy(s, a, out, a + len, len);
        return out;
    }

    /** True if {@code [a, a+len)} is lexicographically greater than the block that follows it. */
    static boolean blockGreaterThanNext(long[] s, int a, int len) {
        for (int i = 0; i < len; i++) {
            int c = Long.compareUnsigned(s[a + i], s[a + len + i]);
            if (c != 0) {
                return c > 0;
            }
        }
        return false;
    }

    /** A hashable wrapper, so the shrinker runs each candidate once. */
    record Key(long[] choices) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(choices, k.choices);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(choices);
        }
    }
}
