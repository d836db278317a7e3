package dev.courier.fuzz;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a generated object graph looks like: cycles, aliasing, empty and largest containers. */
record GraphShapes(boolean hasCycle, boolean hasAliasing, boolean hasEmptyContainer, int largestContainer) {

    static GraphShapes of(Object root) {
        Walk walk = new Walk();
        walk.visit(root);
        return new GraphShapes(walk.cycle, walk.aliased, walk.empty, walk.largest);
    }

    private static final class Walk {
        private final Map<Object, Boolean> onPath = new IdentityHashMap<>();
        private boolean cycle;
        private boolean aliased;
        private boolean empty;
        private int largest;

        void visit(Object value) {
            if (!isMutable(value)) {
                children(value).forEach(this::visit);
                return;
            }
            Boolean open = onPath.get(value);
            if (open != null) {
                cycle |= open;
                aliased |= !open;
                return;
            }
            onPath.put(value, true);
            List<Object> children = children(value);
            if (!(value instanceof Date) && !(value instanceof BitSet)) {
                int size = value.getClass().isArray() ? Array.getLength(value) : children.size();
                empty |= size == 0;
                largest = Math.max(largest, size);
            }
            children.forEach(this::visit);
            onPath.put(value, false);
        }

        private static boolean isMutable(Object value) {
            return value instanceof Collection || value instanceof Map || value instanceof SampleNode
                    || value instanceof Date || value instanceof BitSet
                    || (value != null && value.getClass().isArray());
        }

        private static List<Object> children(Object value) {
            List<Object> children = new ArrayList<>();
            if (value instanceof Collection<?> collection) {
                children.addAll(collection);
            } else if (value instanceof Map<?, ?> map) {
                children.addAll(map.values());
            } else if (value instanceof Object[] array) {
                children.addAll(Arrays.asList(array));
            } else if (value instanceof SampleNode node) {
                children.add(node.value());
            } else if (value instanceof SampleEnvelope envelope) {
                children.add(envelope.body());
            } else if (value instanceof Optional<?> optional) {
                optional.ifPresent(children::add);
            }
            return children;
        }
    }
}
