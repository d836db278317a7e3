package dev.courier.tap.internal;

/**
 * A map key that compares the wrapped object by identity, for taps that identify messages by object
 * identity. Immutable.
 */
public final class IdentityKey {

    private final Object target;

    public IdentityKey(Object target) {
        this.target = target;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdentityKey key && key.target == target;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(target);
    }

    @Override
    public String toString() {
        return "identity of " + target;
    }
}
