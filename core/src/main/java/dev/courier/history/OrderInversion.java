package dev.courier.history;

/**
 * Two deliveries in the wrong order: {@code deliveredLater} should have come first (lower sequence
 * number of the same sender, earlier send, or earlier send with the same key) but was delivered after
 * {@code deliveredFirst}. Immutable.
 *
 * @param receiver       receiver of the later delivery; for a cross-sender inversion, the owner that
 *                       delivered both (the worker, for ports transferred into it)
 * @param key            the ordering key for per-key inversions (its {@code String.valueOf}), otherwise null
 * @param deliveredFirst the message delivered first
 * @param deliveredLater the message delivered after it although it should have come first
 */
public record OrderInversion(String receiver, String key, MessageRef deliveredFirst, MessageRef deliveredLater) {

    /** "message 12 from `main` (seq 5) was delivered after message 14 from `main` (seq 7)" */
    public String describe() {
        return deliveredLater.describe() + " was delivered after " + deliveredFirst.describe()
                + (key == null ? "" : " (key " + key + ")");
    }
}
