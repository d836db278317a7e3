package dev.courier.fuzz;

/**
 * A sample plain mutable class: a private final field and non-final ones, copied field by field by the
 * clone. Not thread-safe: a payload is built and read by one thread at a time.
 */
public final class SampleNode {
    private final String name;
    private Object value;
    private int visits;

    /** A node with no value. */
    public SampleNode(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public Object value() {
        return value;
    }

    /** Sets the value (it may be the node itself or an ancestor, making a cycle). */
    public void value(Object newValue) {
        this.value = newValue;
    }

    public int visits() {
        return visits;
    }

    public void visits(int count) {
        this.visits = count;
    }

    @Override
    public String toString() {
        return "SampleNode[" + name + ", visits=" + visits + "]";
    }
}
