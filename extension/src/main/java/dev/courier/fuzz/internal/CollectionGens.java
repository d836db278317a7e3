package dev.courier.fuzz.internal;

import dev.courier.fuzz.Gen;
import dev.courier.fuzz.Gen.ChoiceSource;
import dev.courier.fuzz.TooManyRejectionsException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collections drawn as a sequence of "one more?" flags, each followed by an element, so deleting an element's
 * span (flag + element choices) removes exactly that element and a flag shrunk to 0 ends the collection.
 * A leading size hint (recorded, so replays are exact) only steers random generation: mostly small sizes,
 * sometimes up to 64 or 1,000, sometimes the maximum.
 */
public final class CollectionGens {

    private static final Object NO_MORE = new Object();
    private static final int DUPLICATE_BUDGET = 1000;

    private CollectionGens() {
    }

    /** Lists of {@code minSize..maxSize} elements of {@code element}. */
    public static <T> Gen<List<T>> lists(Gen<T> element, int minSize, int maxSize) {
        String description = "lists(" + element.describe() + ", " + minSize + ", " + maxSize + ")";
        checkSizes(description, minSize, maxSize);
        return Gen.of(description, source -> {
            List<T> list = new ArrayList<>();
            drawElements(source, element, minSize, maxSize, list::add, list::size);
            return list;
        });
    }

    /** Sets of {@code minSize..maxSize} distinct elements, in generation order. */
    public static <T> Gen<Set<T>> sets(Gen<T> element, int minSize, int maxSize) {
        String description = "sets(" + element.describe() + ", " + minSize + ", " + maxSize + ")";
        checkSizes(description, minSize, maxSize);
        return Gen.of(description, source -> {
            Set<T> set = new LinkedHashSet<>();
            drawDistinct(source, description, element, minSize, maxSize, set::add, set::size);
            return set;
        });
    }

    /** Maps of {@code minSize..maxSize} entries with distinct keys, in generation order. */
    public static <K, V> Gen<Map<K, V>> maps(Gen<K> keys, Gen<V> values, int minSize, int maxSize) {
        String description = "maps(" + keys.describe() + ", " + values.describe() + ", " + minSize + ", "
                + maxSize + ")";
        checkSizes(description, minSize, maxSize);
        Gen<Map.Entry<K, V>> entries = Gen.of("entry",
                source -> new AbstractMap.SimpleImmutableEntry<>(source.draw(keys), source.draw(values)));
        return Gen.of(description, source -> {
            Map<K, V> map = new LinkedHashMap<>();
            drawDistinct(source, description, entries, minSize, maxSize,
                    entry -> addIfNewKey(map, entry), map::size);
            return map;
        });
    }

    private static <K, V> boolean addIfNewKey(Map<K, V> map, Map.Entry<K, V> entry) {
        if (map.containsKey(entry.getKey())) {
            return false;
        }
        map.put(entry.getKey(), entry.getValue());
        return true;
    }

    private interface Adder<T> {
        boolean add(T element);
    }

    private interface Size {
        int get();
    }

    private static void checkSizes(String description, int minSize, int maxSize) {
        if (minSize < 0 || minSize > maxSize) {
            throw new IllegalArgumentException(description + ": sizes must satisfy 0 <= minSize <= maxSize");
        }
    }

    private static int sizeHint(ChoiceSource source, int minSize, int maxSize) {
        long room = (long) maxSize - minSize;
        long mode = source.choose(0, 7);
        long cap = mode < 4 ? 8 : mode < 6 ? 64 : 1000;
        if (mode == 7 && room <= 1000) {
            return maxSize;
        }
        return (int) (minSize + source.choose(0, Math.min(room, cap)));
    }

    private static <T> void drawElements(ChoiceSource source, Gen<T> element, int minSize, int maxSize,
                                         Adder<T> adder, Size size) {
        int hint = sizeHint(source, minSize, maxSize);
        while (size.get() < maxSize) {
            Object next = drawNext(source, element, size.get() < minSize, size.get() < hint);
            if (next == NO_MORE) {
                return;
            }
            adder.add(cast(next));
        }
    }

    private static <T> void drawDistinct(ChoiceSource source, String description, Gen<T> element, int minSize,
                                         int maxSize, Adder<T> adder, Size size) {
        int hint = sizeHint(source, minSize, maxSize);
        int duplicates = 0;
        while (size.get() < maxSize) {
            Object next = drawNext(source, element, size.get() < minSize, size.get() < hint);
            if (next == NO_MORE) {
                return;
            }
            if (adder.add(cast(next))) {
                duplicates = 0;
            } else if (++duplicates == DUPLICATE_BUDGET) {
                if (size.get() >= minSize) {
                    return;
                }
                throw new TooManyRejectionsException(description + " found only " + size.get()
                        + " distinct values of the " + minSize + " required after " + DUPLICATE_BUDGET
                        + " duplicates in a row; widen the element generator or lower minSize");
            }
        }
    }

    /** One element as a span [flag?, element...]; the flag is skipped while below the minimum size. */
    private static Object drawNext(ChoiceSource source, Gen<?> element, boolean required, boolean wanted) {
        return source.draw(Gen.of("element", s -> {
            if (!required && !s.flag(wanted ? 1.0 : 0.0)) {
                return NO_MORE;
            }
            return s.draw(element);
        }));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
