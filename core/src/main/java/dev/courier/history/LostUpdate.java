package dev.courier.history;

/**
 * A lost update on shared memory: {@code thread} read an index of a recording {@code SharedBuffer} view, then
 * {@code interleavingThread} wrote that index, then {@code thread} wrote it from its stale read, overwriting the
 * other thread's update. Immutable.
 *
 * @param view               the view's label, e.g. {@code shared:counter.int}
 * @param index              the index in that view
 * @param thread             the thread whose read-modify-write was interleaved
 * @param interleavingThread the thread whose write came between, and was lost
 * @param valueRead          what {@code thread} read
 * @param valueInterleaved   what {@code interleavingThread} wrote (for an atomic update: the value after it)
 * @param valueWritten       what {@code thread} wrote over it
 * @param readIndex          the SHARED_READ event's index in the log
 * @param interleavedIndex   the index of the interleaving SHARED_WRITE or SHARED_ATOMIC_UPDATE event
 * @param writeIndex         the index of the stale SHARED_WRITE event
 */
public record LostUpdate(String view, int index, String thread, String interleavingThread, long valueRead,
                         long valueInterleaved, long valueWritten, int readIndex, int interleavedIndex,
                         int writeIndex) {

    /**
     * "thread `a` read 0 from index 0 of `shared:counter.int`, thread `b` then wrote 1 there, and `a` wrote 1
     * from its stale read, overwriting `b`'s update".
     */
    public String describe() {
        return "thread `" + thread + "` read " + valueRead + " from index " + index + " of `" + view + "`, thread `"
                + interleavingThread + "` then wrote " + valueInterleaved + " there, and `" + thread + "` wrote "
                + valueWritten + " from its stale read, overwriting `" + interleavingThread + "`'s update";
    }
}
