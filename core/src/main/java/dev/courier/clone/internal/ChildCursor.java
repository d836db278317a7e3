package dev.courier.clone.internal;

/**
 * Walks the children of one value, scheduling one child at a time, and runs {@link #finish()} once every
 * child (with everything below it) has been copied. Children that need no work (nulls, shared immutable
 * values, values already copied) are handled in a loop without touching the stack.
 */
public abstract class ChildCursor implements Task {

    /** The context this cursor schedules on. */
    protected final CopyContext context;

    protected ChildCursor(CopyContext context) {
        this.context = context;
    }

    /** Whether another child remains. */
    protected abstract boolean hasNext();

    /**
     * Takes the next child: stores its copy at once when {@link CopyContext#copyIfReady} has it, otherwise
     * starts it with {@link CopyContext#startChild} (or {@link CopyContext#schedule}), which pushes its work
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
        context.push(this);
        int mark = context.depth();
        while (hasNext()) {
            scheduleNext();
            if (context.depth() != mark) {
                if (!hasNext() && !hasFinish()) {
                    // nothing left for this cursor: drop it so long chains keep the stack flat
                    context.remove(this);
                }
                return;
            }
        }
        context.pop();
        finish();
    }
}
