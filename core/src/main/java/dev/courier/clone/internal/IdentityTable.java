package dev.courier.clone.internal;

/**
 * A map keyed by object identity for the large tables of one clone or one comparison (one entry per
 * object met): open addressing with linear probing, keys and values side by side. The table is split into chunks
 * small enough for the garbage collector to place with other young objects (a single large array would
 * be allocated as old, where every store of a reference costs the collector extra work). Null keys and
 * null values are not allowed.
 *
 * <p>Thread contract: not thread-safe; confined to the thread of the clone or comparison that owns it.
 *
 * @param <V> the type of values
 */
final class IdentityTable<V> {

    /** Slots per chunk: a chunk of keys and values is 2^17 references, well below a large-object region half. */
    private static final int CHUNK_BITS = 16;
    private static final int CHUNK_SLOTS = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK_SLOTS - 1;
    private static final int INITIAL_SLOTS = 64;

    /** Chunk {@code slot >>> CHUNK_BITS}: key at {@code 2 * (slot & CHUNK_MASK)}, value right after it. */
    private Object[][] chunks;
    private int mask;
    private int size;

    IdentityTable() {
        allocate(INITIAL_SLOTS);
    }

    private void allocate(int slots) {
        int perChunk = Math.min(slots, CHUNK_SLOTS);
        int count = slots / perChunk;
        chunks = new Object[count][];
        for (int i = 0; i < count; i++) {
            chunks[i] = new Object[2 * perChunk];
        }
        mask = slots - 1;
    }

    private static int hash(Object key) {
        int h = System.identityHashCode(key) * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The value for {@code key}, or null. */
    @SuppressWarnings("unchecked")
    V get(Object key) {
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            Object[] chunk = chunks[slot >>> CHUNK_BITS];
            int at = 2 * (slot & CHUNK_MASK);
            Object found = chunk[at];
            if (found == key) {
                return (V) chunk[at + 1];
            }
            if (found == null) {
                return null;
            }
        }
    }

    /** Maps {@code key} to {@code value}; answers the value it replaced, or null. */
    @SuppressWarnings("unchecked")
    V put(Object key, V value) {
        int h = hash(key);
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            Object[] chunk = chunks[slot >>> CHUNK_BITS];
            int at = 2 * (slot & CHUNK_MASK);
            Object found = chunk[at];
            if (found == key) {
                Object old = chunk[at + 1];
                chunk[at + 1] = value;
                return (V) old;
            }
            if (found == null) {
                chunk[at] = key;
                chunk[at + 1] = value;
                if (++size > (mask + 1) / 3 * 2) {
                    grow();
                }
                return null;
            }
        }
    }

    /** How many keys are mapped. */
    int size() {
        return size;
    }

    private void grow() {
        Object[][] oldChunks = chunks;
        allocate(2 * (mask + 1));
        for (Object[] chunk : oldChunks) {
            for (int i = 0; i < chunk.length; i += 2) {
                Object key = chunk[i];
                if (key != null) {
                    insertNew(key, chunk[i + 1], hash(key));
                }
            }
        }
    }

    private void insertNew(Object key, Object value, int h) {
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            Object[] chunk = chunks[slot >>> CHUNK_BITS];
            int at = 2 * (slot & CHUNK_MASK);
            if (chunk[at] == null) {
                chunk[at] = key;
                chunk[at + 1] = value;
                return;
            }
        }
    }
}
