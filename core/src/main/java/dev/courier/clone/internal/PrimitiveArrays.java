package dev.courier.clone.internal;

import java.util.Arrays;

/**
 * Equality of two primitive arrays of one class, element by element as their boxed values' {@code equals}
 * would tell (floating point bit for bit, NaN equal to NaN), without boxing. Stateless.
 */
final class PrimitiveArrays {

    private PrimitiveArrays() {
    }

    /** Whether {@code type} is an array of a primitive type. */
    static boolean isPrimitiveArray(Class<?> type) {
        return type.isArray() && type.getComponentType().isPrimitive();
    }

    /** Whether two primitive arrays of the same class hold equal elements. */
    static boolean equal(Object a, Object b) {
        if (a instanceof int[] x) {
            return Arrays.equals(x, (int[]) b);
        } else if (a instanceof byte[] x) {
            return Arrays.equals(x, (byte[]) b);
        } else if (a instanceof long[] x) {
            return Arrays.equals(x, (long[]) b);
        } else if (a instanceof double[] x) {
            return Arrays.equals(x, (double[]) b);
        } else if (a instanceof float[] x) {
            return Arrays.equals(x, (float[]) b);
        } else if (a instanceof char[] x) {
            return Arrays.equals(x, (char[]) b);
        } else if (a instanceof short[] x) {
            return Arrays.equals(x, (short[]) b);
        }
        return Arrays.equals((boolean[]) a, (boolean[]) b);
    }
}
