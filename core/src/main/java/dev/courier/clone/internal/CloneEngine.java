package dev.courier.clone.internal;

import dev.courier.clone.CloneOptions;
import dev.courier.clone.DataCloneException;
import dev.courier.clone.TransferContext;
import dev.courier.clone.Transferable;
import java.util.ArrayDeque;

/**
 * One structured clone: an explicit work stack (no Java recursion over the payload), an identity map
 * from original to copy (topology), and the size accounting behind {@link CloneOptions}.
 *
 * <p>Thread contract: confined to the thread that calls {@link #copy}; one engine per clone.
 */
public final class CloneEngine implements CopyContext {

    /** Marks a value whose copy is being built from its children and does not exist yet. */
    private static final Object IN_PROGRESS = new Object();

    private final IdentityTable<Object> copies = new IdentityTable<>();
    private final ArrayDeque<Task> stack = new ArrayDeque<>();
    private final TransferContext transfers;
    private final CloneOptions options;
    private long objects;
    private long bytes;
    /** Payloads mix a few classes: a per-clone cache of their handlers is cheaper than a ClassValue. */
    private static final int HANDLER_CACHE_SIZE = 16;
    private final Class<?>[] cachedTypes = new Class<?>[HANDLER_CACHE_SIZE];
    private final CopyHandler[] cachedHandlers = new CopyHandler[HANDLER_CACHE_SIZE];
    /** The last class found shared: payloads repeat a few element classes, so this skips most lookups. */
    private Class<?> lastSharedType;
    /** What {@link #copyIfReady} found about the value it answered {@link #PENDING} for. */
    private CopyHandler pendingHandler;
    private boolean pendingInProgress;

    private CloneEngine(TransferContext transfers, CloneOptions options) {
        this.transfers = transfers;
        this.options = options;
    }

    /** A deep, topology-preserving copy of {@code root}. */
    public static Object copy(Object root, TransferContext transfers, CloneOptions options) {
        if (root == null || Handlers.of(root.getClass()) == Handlers.SHARE) {
            // an immutable payload (the common small message) needs no stack, no identity map
            return root;
        }
        CloneEngine engine = new CloneEngine(transfers == null ? TransferContext.NONE : transfers, options);
        Object[] result = new Object[1];
        engine.schedule(root, PathNode.ROOT, copy -> result[0] = copy);
        for (Task task = engine.stack.pollFirst(); task != null; task = engine.stack.pollFirst()) {
            task.run();
        }
        return result[0];
    }

    /**
     * Arranges for {@code value}'s copy to reach {@code sink}: at once for nulls, shared values and values
     * already copied, otherwise through a task pushed on the stack.
     */
    @Override
    public void schedule(Object value, PathNode path, Sink sink) {
        Object ready = copyIfReady(value);
        if (ready != PENDING) {
            sink.accept(ready);
            return;
        }
        CopyHandler handler = pendingHandler;
        if (pendingInProgress) {
            throw cycle(path, value);
        }
        stack.push(() -> start(value, handler, path, sink));
    }

    /**
     * The copy of {@code value} when it needs no work (null, a shared value, a value already copied), else
     * {@link #PENDING}; then {@link #startChild} must follow for the same value. Lets a cursor skip building
     * a path and a sink for the children that need none.
     */
    @Override
    public Object copyIfReady(Object value) {
        if (value == null) {
            return null;
        }
        Class<?> type = value.getClass();
        if (type == lastSharedType) {
            return value;
        }
        CopyHandler handler = handlerOf(type);
        if (handler == Handlers.SHARE) {
            lastSharedType = type;
            return value;
        }
        Object done = copies.get(value);
        if (done != null && done != IN_PROGRESS) {
            return done;
        }
        pendingHandler = handler;
        pendingInProgress = done == IN_PROGRESS;
        return PENDING;
    }

    /** The handler for {@code type}, from a small direct-mapped cache in front of {@link Handlers#of}. */
    private CopyHandler handlerOf(Class<?> type) {
        int slot = type.hashCode() & (HANDLER_CACHE_SIZE - 1);
        if (cachedTypes[slot] == type) {
            return cachedHandlers[slot];
        }
        CopyHandler handler = Handlers.of(type);
        cachedTypes[slot] = type;
        cachedHandlers[slot] = handler;
        return handler;
    }

    /**
     * Replaces, from {@code from} on, each element of a private buffer by its copy while that copy needs no
     * work; answers the index of the first element that does (after {@link #copyIfReady} answered
     * {@link #PENDING} for it), or the length when none does.
     */
    @Override
    public int replaceReady(Object[] items, int from) {
        for (int i = from; i < items.length; i++) {
            Object value = items[i];
            if (value == null || value.getClass() == lastSharedType) {
                continue;
            }
            Object ready = copyIfReady(value);
            if (ready == PENDING) {
                return i;
            }
            items[i] = ready;
        }
        return items.length;
    }

    /** Whether every element is null or shared, so that a copy of the array holds the same elements. */
    @Override
    public boolean allShared(Object[] items) {
        for (Object value : items) {
            if (value != null && value.getClass() != lastSharedType && copyIfReady(value) != value) {
                return false;
            }
        }
        return true;
    }

    /**
     * Starts copying {@code value}, for which {@link #copyIfReady} just answered {@link #PENDING}, at once:
     * the calling cursor is already on the stack below whatever the copy pushes.
     */
    @Override
    public void startChild(Object value, PathNode path, Sink sink) {
        if (pendingInProgress) {
            throw cycle(path, value);
        }
        startNew(value, pendingHandler, path, sink);
    }

    private void start(Object value, CopyHandler handler, PathNode path, Sink sink) {
        Object done = copies.get(value);
        if (done != null && done != IN_PROGRESS) {
            // copied meanwhile through another path scheduled earlier
            sink.accept(done);
            return;
        }
        startNew(value, handler, path, sink);
    }

    private void startNew(Object value, CopyHandler handler, PathNode path, Sink sink) {
        if (transfers != TransferContext.NONE) {
            Object replacement = transfers.replacement(value);
            if (replacement != null) {
                copies.put(value, replacement);
                sink.accept(replacement);
                return;
            }
        }
        if (handler == Handlers.TRANSFERABLE) {
            startTransferable((Transferable) value, path, sink);
            return;
        }
        countObject(path, value);
        handler.start(value, path, sink, this);
    }

    private static DataCloneException cycle(PathNode path, Object value) {
        return new DataCloneException(path.toString(), value.getClass().getName(),
                "a cycle passes through a value that is built from its parts (a record, an immutable"
                        + " collection, an Optional or a wrapper), so it cannot refer back to itself",
                "break the cycle with a mutable class, or refer to the value by an id");
    }

    private void startTransferable(Transferable value, PathNode path, Sink sink) {
        if (value.transferOnly()) {
            throw new DataCloneException(path.toString(), value.getClass().getName(),
                    "a MessagePort found in the payload must be in the transfer list",
                    "pass it in postMessage's transfer list as well as in the payload");
        }
        countObject(path, value);
        account(path, value, 64L + value.copySizeBytes());
        Transferable copy = value.copyForClone();
        copies.put(value, copy);
        sink.accept(copy);
    }

    /** Records {@code copy} as the copy of {@code original} (replacing an in-progress mark). */
    @Override
    public void register(Object original, Object copy) {
        copies.put(original, copy);
    }

    /** Marks {@code original} as being built from its parts: reaching it again before then is an error. */
    @Override
    public void markInProgress(Object original) {
        copies.put(original, IN_PROGRESS);
    }

    /** Adds an estimated allocation; throws when it crosses {@code maxBytes}. */
    @Override
    public void account(PathNode path, Object value, long estimatedBytes) {
        bytes += estimatedBytes;
        if (bytes > options.maxBytes()) {
            throw limit(path, value, "maxBytes", options.maxBytes(),
                    "the copy would need about " + bytes + " bytes (estimated)");
        }
    }

    private void countObject(PathNode path, Object value) {
        objects++;
        if (objects > options.maxObjects()) {
            throw limit(path, value, "maxObjects", options.maxObjects(),
                    "the payload has more than " + options.maxObjects() + " objects to copy");
        }
    }

    /** How many more estimated bytes this copy may allocate before it crosses {@code maxBytes}. */
    @Override
    public long remainingBytes() {
        return Math.max(0, options.maxBytes() - bytes);
    }

    private static DataCloneException limit(PathNode path, Object value, String name, long limit, String what) {
        String defaults = name.equals("maxBytes") && limit == CloneOptions.defaults().maxBytes()
                ? " (the default follows the heap: a quarter of -Xmx, at most " + CloneOptions.DEFAULT_MAX_BYTES
                        + " bytes)" : "";
        return new DataCloneException(path.toString(), value.getClass().getName(),
                "limit " + name + " = " + limit + defaults + " exceeded: " + what,
                "send a smaller payload, or raise CloneOptions." + name);
    }

    /** The transfer list of this clone. */
    @Override
    public TransferContext transfers() {
        return transfers;
    }

    @Override
    public void push(Task task) {
        stack.push(task);
    }

    /** Pushes a task to run after everything currently scheduled above it. */
    @Override
    public void later(Task task) {
        stack.push(task);
    }

    @Override
    public int depth() {
        return stack.size();
    }

    @Override
    public void pop() {
        stack.pop();
    }

    /** Takes {@code task} off the stack; it sits a few entries below the top. */
    @Override
    public void remove(Task task) {
        stack.removeFirstOccurrence(task);
    }
}
