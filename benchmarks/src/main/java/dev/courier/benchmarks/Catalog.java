package dev.courier.benchmarks;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The payload shape the clone benchmarks copy: items with an id, a label, a list of tags, a date and a
 * small map. The Node.js baseline builds the same shape in {@code node/clone.js}.
 */
public final class Catalog implements Serializable {

    private static final long serialVersionUID = 1L;

    final List<Item> items;

    Catalog(List<Item> items) {
        this.items = items;
    }

    /** A catalog of {@code size} items, built the same way on every call. */
    public static Catalog ofSize(int size) {
        List<Item> items = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            List<String> tags = new ArrayList<>(List.of("tag-" + (i % 7), "tag-" + (i % 11), "tag-" + (i % 13)));
            Map<String, Integer> attributes = new HashMap<>();
            attributes.put("width", 640 + i);
            attributes.put("height", 480 + i);
            items.add(new Item(i, "item-" + i, tags, new Date(1_700_000_000_000L + i), attributes));
        }
        return new Catalog(items);
    }

    /** The hand-written deep copy: the practical lower bound for any generic copier. */
    public Catalog handCopy() {
        List<Item> copies = new ArrayList<>(items.size());
        for (Item item : items) {
            copies.add(item.handCopy());
        }
        return new Catalog(copies);
    }

    public int size() {
        return items.size();
    }

    /** One catalog entry. */
    public static final class Item implements Serializable {

        private static final long serialVersionUID = 1L;

        final long id;
        final String label;
        final List<String> tags;
        final Date when;
        final Map<String, Integer> attributes;

        Item(long id, String label, List<String> tags, Date when, Map<String, Integer> attributes) {
            this.id = id;
            this.label = label;
            this.tags = tags;
            this.when = when;
            this.attributes = attributes;
        }

        Item handCopy() {
            return new Item(id, label, new ArrayList<>(tags), new Date(when.getTime()), new HashMap<>(attributes));
        }
    }
}
