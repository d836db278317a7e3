package dev.courier.clone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep copy with Node's structured clone semantics.
 *
 * <p>Interim implementation: immutable values, lists, maps and object arrays only; the full algorithm
 * (C1–C6 of the design) replaces it.
 */
public final class StructuredClone {

    private StructuredClone() {
    }

    /** A deep copy of {@code value}. */
    public static <T> T copy(T value) {
        return copy(value, TransferContext.NONE);
    }

    /** A deep copy of {@code value}, with transferred values replaced by their stand-ins. */
    @SuppressWarnings("unchecked")
    public static <T> T copy(T value, TransferContext transfers) {
        return (T) copyAt(value, transfers, "$");
    }

    private static Object copyAt(Object value, TransferContext transfers, String path) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?>) {
            return value;
        }
        Object replacement = transfers.replacement(value);
        if (replacement != null) {
            return replacement;
        }
        if (value instanceof Transferable transferable) {
            if (transferable.transferOnly()) {
                throw new DataCloneException(path, value.getClass().getName(),
                        "a port found in the payload but not in the transfer list", "list it in the transfer list");
            }
            return transferable.copyForClone();
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(copyAt(list.get(i), transfers, path + "[" + i + "]"));
            }
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new HashMap<>();
            map.forEach((k, v) -> copy.put(k, copyAt(v, transfers, path + "." + k)));
            return copy;
        }
        if (value instanceof Object[] array) {
            Object[] copy = array.clone();
            for (int i = 0; i < copy.length; i++) {
                copy[i] = copyAt(array[i], transfers, path + "[" + i + "]");
            }
            return copy;
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        if (value instanceof Record) {
            return value;
        }
        throw new DataCloneException(path, value.getClass().getName(), "not supported by the interim clone", null);
    }
}
