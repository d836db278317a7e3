package dev.courier.clone.internal;

/**
 * Walks the children of one value, scheduling one child at a time, and runs {@link #finish()} once every
 * child (with everything below it) has been copied. Children that need no work (nulls, shared immutable
 * values, values already copied) are handled in a loop without touching the stack.
 */
public abstract class ChildCursor implements Task {

    /** The engine this cursor schedules on. */
    protected final CloneEngine engine;

    protected ChildCursor(CloneEngine engine) {
        this.engine = engine;
    }

    /** Whether another child remains. */
    protected abstract boolean hasNext();

    /**
     * Takes the next child: stores its copy at once when {@link CloneEngine#copyIfReady} has it, otherwise
     * starts it with {@link CloneEngine#startChild} (or {@link CloneEngine#schedule}), which pushes its work
     * above this cursor. At most one child may push work per call.
     */
    protected abstract void scheduleNext();

    /** Runs after all children are copied. */
    protected void finish() {
    }

    /** Whether {@link #finish()} does anything; when not, the cursor leaves the stack early. */
    protected boolean hasFinish() {
        return true;
    }

    @Override
    public final void run() {
        engine.push(this);
        int mark = engine.depth();
        while (hasNext()) {
            scheduleNext();
            if (engine.depth() != mark) {
                if (!hasNext() && !hasFinish()) {
                    // nothing left for this cursor: drop it so long chains keep the stack flat
                    engine.remove(this);
                }
                return;
            }
        }
        engine.pop();
        finish();
    }
}
