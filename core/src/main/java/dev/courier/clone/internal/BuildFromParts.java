package dev.courier.clone.internal;

/**
 * Copies a value that can only be built once its parts are copied (records, immutable collections,
 * Optional, entries): the parts are copied first, then the value is built. If every part's copy is the
 * part itself, the original is shared instead of rebuilt (it is then immutable all the way down).
 *
 * <p>While it waits for its parts this cursor holds one array, the parts, each replaced by its copy as the
 * copy arrives (it is the sink of the part being copied); a part's path is made only when that part needs
 * copying work, from the owner's path and the part's name (or from paths given up front).
 */
final class BuildFromParts extends ChildCursor implements Sink {

    /** Makes the copy from the copied parts. */
    @FunctionalInterface
    interface Builder {
        Object build(Object original, Object[] copies, PathNode path);
    }

    private final Object original;
    private final Object[] parts;
    private final PathNode path;
    /** The parts' names (each part's path is {@code path.field(name)}), or null when {@link #paths} is given. */
    private final String[] names;
    private final PathNode[] paths;
    private final Builder builder;
    private final Sink sink;
    private int next;
    /** The part whose copy the sink receives next. */
    private int current;
    private boolean changed;

    private BuildFromParts(CopyContext context, Object original, Object[] parts, PathNode path, String[] names,
                           PathNode[] paths, Builder builder, Sink sink) {
        super(context);
        this.original = original;
        this.parts = parts;
        this.path = path;
        this.names = names;
        this.paths = paths;
        this.builder = builder;
        this.sink = sink;
    }

    /**
     * Schedules the parts of {@code original}, found at {@code path}, part {@code i} at
     * {@code path.field(names[i])}; {@code builder} makes the copy from the copied parts. Takes over
     * {@code parts}.
     */
    static void start(CopyContext context, Object original, Object[] parts, PathNode path, String[] names,
                      Builder builder, Sink sink) {
        context.markInProgress(original);
        context.later(new BuildFromParts(context, original, parts, path, names, null, builder, sink));
    }

    /** The same, part {@code i} at {@code paths[i]}. */
    static void start(CopyContext context, Object original, Object[] parts, PathNode[] paths, Builder builder,
                      Sink sink) {
        PathNode at = paths.length > 0 ? paths[0].parent() : PathNode.ROOT;
        context.markInProgress(original);
        context.later(new BuildFromParts(context, original, parts, at, null, paths, builder, sink));
    }

    private PathNode pathOf(int i) {
        return names != null ? path.field(names[i]) : paths[i];
    }

    @Override
    protected boolean hasNext() {
        return next < parts.length;
    }

    @Override
    protected void scheduleNext() {
        while (next < parts.length) {
            int at = next++;
            Object ready = context.copyIfReady(parts[at]);
            if (ready == CopyContext.PENDING) {
                current = at;
                context.startChild(parts[at], pathOf(at), this);
                return;
            }
            changed |= ready != parts[at];
            parts[at] = ready;
        }
    }

    @Override
    public void accept(Object copy) {
        changed |= copy != parts[current];
        parts[current] = copy;
    }

    @Override
    protected void finish() {
        Object copy;
        try {
            copy = changed ? builder.build(original, parts, path) : original;
        } catch (RuntimeException | StackOverflowError failure) {
            throw RebuildFailures.probe(path, original, parts, this::pathOf, failure);
        }
        context.register(original, copy);
        sink.accept(copy);
    }
}
