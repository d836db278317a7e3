package dev.courier.clone.internal;

import dev.courier.clone.DataCloneException;
import java.util.function.IntFunction;

/**
 * Turns a failure of user code met while a hash- or tree-based copy is rebuilt (an element's or key's
 * {@code hashCode}, {@code equals} or {@code compareTo}, or the collection's comparator) into a
 * {@link DataCloneException} that names the element's path and class instead of letting the user's raw
 * exception escape. Stateless.
 */
final class RebuildFailures {

    private RebuildFailures() {
    }

    /** The failure of inserting {@code element}, found at {@code path}, into the copy of {@code owner}. */
    static DataCloneException at(PathNode path, Object element, Object owner, Throwable failure) {
        return new DataCloneException(path.toString(), element == null ? null : element.getClass().getName(),
                "its hashCode, equals or compareTo (or the comparator of the " + owner.getClass().getName()
                        + " holding it) threw " + failure + " while the copy was rebuilt",
                "hashCode, equals, compareTo and comparators must work on an object copied field by field"
                        + " without running its constructor; or send the elements as a list", failure);
    }

    /**
     * For a copy built in one go from {@code parts}: the first part whose {@code hashCode} throws, else the
     * whole value at {@code ownerPath}.
     */
    static DataCloneException probe(PathNode ownerPath, Object owner, Object[] parts, IntFunction<PathNode> pathOf,
                                    Throwable failure) {
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] != null) {
                try {
                    parts[i].hashCode();
                } catch (RuntimeException | StackOverflowError thrown) {
                    return at(pathOf.apply(i), parts[i], owner, thrown);
                }
            }
        }
        return at(ownerPath, owner, owner, failure);
    }
}
