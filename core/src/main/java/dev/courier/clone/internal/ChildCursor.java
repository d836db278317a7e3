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

    /** Schedules exactly one child through {@link CloneEngine#schedule}. */
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
        while (hasNext()) {
            engine.push(this);
            int mark = engine.depth();
            scheduleNext();
            if (engine.depth() != mark) {
                if (!hasNext() && !hasFinish()) {
                    // nothing left for this cursor: drop it so long chains keep the stack flat
                    engine.dropBelowTop();
                }
                return;
            }
            engine.pop();
        }
        finish();
    }
}
