package dev.courier.clone;

/**
 * Run in a JVM with a small heap by {@link CloneLimitsTests}: clones a byte array of the size given in
 * MiB with default options and prints what happened on one line.
 */
public final class HeapLimitProbe {

    private HeapLimitProbe() {
    }

    public static void main(String[] args) {
        byte[] payload = new byte[Integer.parseInt(args[0]) * 1024 * 1024];
        try {
            byte[] copy = StructuredClone.copy(payload);
            System.out.println("COPIED " + copy.length);
        } catch (DataCloneException e) {
            System.out.println("REFUSED " + e.getMessage());
        } catch (OutOfMemoryError e) {
            System.out.println("OOM " + e);
        }
    }
}
