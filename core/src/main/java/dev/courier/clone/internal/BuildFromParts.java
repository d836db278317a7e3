package dev.courier.clone.internal;

import java.util.function.Function;

/**
 * Copies a value that can only be built once its parts are copied (records, immutable collections,
 * Optional, entries): the parts are copied first, then the value is built. If every part's copy is the
 * part itself, the original is shared instead of rebuilt (it is then immutable all the way down).
 */
final class BuildFromParts extends ChildCursor {

    private final Object original;
    private final Object[] parts;
    private final PathNode[] paths;
    private final Object[] copies;
    private final Function<Object[], Object> build;
    private final Sink sink;
    private int next;

    private BuildFromParts(CloneEngine engine, Object original, Object[] parts, PathNode[] paths,
                           Function<Object[], Object> build, Sink sink) {
        super(engine);
        this.original = original;
        this.parts = parts;
        this.paths = paths;
        this.copies = new Object[parts.length];
        this.build = build;
        this.sink = sink;
    }

    /** Schedules the parts of {@code original}; {@code build} makes the copy from the copied parts. */
    static void start(CloneEngine engine, Object original, Object[] parts, PathNode[] paths,
                      Function<Object[], Object> build, Sink sink) {
        engine.markInProgress(original);
        engine.later(new BuildFromParts(engine, original, parts, paths, build, sink));
    }

    @Override
    protected boolean hasNext() {
        return next < parts.length;
    }

    @Override
    protected void scheduleNext() {
        while (next < parts.length) {
            int at = next++;
            Object ready = engine.copyIfReady(parts[at]);
            if (ready == CloneEngine.PENDING) {
                engine.startChild(parts[at], paths[at], copy -> copies[at] = copy);
                return;
            }
            copies[at] = ready;
        }
    }

    @Override
    protected void finish() {
        boolean unchanged = true;
        for (int i = 0; i < parts.length && unchanged; i++) {
            unchanged = parts[i] == copies[i];
        }
        Object copy;
        try {
            copy = unchanged ? original : build.apply(copies);
        } catch (RuntimeException | StackOverflowError failure) {
            PathNode at = paths.length > 0 ? paths[0].parent() : PathNode.ROOT;
            throw RebuildFailures.probe(at, original, copies, i -> paths[i], failure);
        }
        engine.register(original, copy);
        sink.accept(copy);
    }
}
