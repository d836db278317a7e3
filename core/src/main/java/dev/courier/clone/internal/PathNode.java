package dev.courier.clone.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One step of a path inside a payload, linked to its parent. The text ({@code $.jobs[2].callback}) is
 * built only when asked for, so walking a large payload costs one small object per step.
 */
public final class PathNode {

    /** The payload itself: {@code $}. */
    public static final PathNode ROOT = new PathNode(null, Kind.ROOT, null, 0);

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private enum Kind { ROOT, NAME, INDEX, KEY, POSITION }

    private final PathNode parent;
    private final Kind kind;
    private final Object label;
    private final int index;

    private PathNode(PathNode parent, Kind kind, Object label, int index) {
        this.parent = parent;
        this.kind = kind;
        this.label = label;
        this.index = index;
    }

    /** A field, record component or accessor: {@code .name}. */
    public PathNode field(String name) {
        return new PathNode(this, Kind.NAME, name, 0);
    }

    /** A list or array element: {@code [i]}. */
    public PathNode index(int i) {
        return new PathNode(this, Kind.INDEX, null, i);
    }

    /** A map value: {@code .key} for identifier-like string keys, {@code ["key"]} or {@code [key]} otherwise. */
    public PathNode key(Object key, int position) {
        return new PathNode(this, Kind.KEY, key, position);
    }

    /** An element without index (a set element, a map key itself): {@code [#i]} in iteration order. */
    public PathNode position(int i) {
        return new PathNode(this, Kind.POSITION, null, i);
    }

    /** The step this one is below ({@code $} for the root itself). */
    PathNode parent() {
        return parent == null ? this : parent;
    }

    @Override
    public String toString() {
        List<PathNode> steps = new ArrayList<>();
        for (PathNode at = this; at != null; at = at.parent) {
            steps.add(at);
        }
        StringBuilder text = new StringBuilder();
        for (int i = steps.size() - 1; i >= 0; i--) {
            steps.get(i).appendStep(text);
        }
        return text.toString();
    }

    private void appendStep(StringBuilder text) {
        switch (kind) {
            case ROOT -> text.append('$');
            case NAME -> text.append('.').append(label);
            case INDEX -> text.append('[').append(index).append(']');
            case POSITION -> text.append("[#").append(index).append(']');
            case KEY -> appendKey(text);
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private void appendKey(StringBuilder text) {
        if (label instanceof String name) {
            if (IDENTIFIER.matcher(name).matches()) {
                text.append('.').append(name);
            } else {
                text.append("[\"").append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
            }
        } else if (label == null || label instanceof Number || label instanceof Boolean
                || label instanceof Character || label instanceof Enum<?> || label instanceof UUID
                || label.getClass().getName().startsWith("java.time.")) {
            text.append('[').append(label).append(']');
        } else {
            // a key object's own toString may be long, expensive or throw: name it by position
            text.append("[#").append(index).append(']');
        }
    }
}
