package dev.courier.clone.internal;

import dev.courier.clone.DataCloneException;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.function.UnaryOperator;

/**
 * Copies {@code Collections.unmodifiableX} and {@code Collections.synchronizedX} wrappers: the wrapped
 * collection is copied (keeping its own class) and wrapped again with the same factory.
 *
 * <p>The wrapped collection has no public accessor; it is found without {@code --add-opens} by starting
 * to serialize the wrapper into a discarding stream: the first object the stream meets after the
 * wrapper is the wrapped collection (the wrappers' serial form starts with it). Nothing else is written.
 */
final class WrapperCopier implements CopyHandler {

    private final UnaryOperator<Object> wrap;

    private WrapperCopier(UnaryOperator<Object> wrap) {
        this.wrap = wrap;
    }

    /** The handler for this JDK wrapper class, or null if it is not one. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static CopyHandler handlerFor(Class<?> type) {
        String name = type.getName();
        if (!name.startsWith("java.util.Collections$Unmodifiable")
                && !name.startsWith("java.util.Collections$Synchronized")) {
            return null;
        }
        String kind = name.substring("java.util.Collections$".length());
        UnaryOperator<Object> wrap = switch (kind) {
            case "UnmodifiableCollection" -> c -> Collections.unmodifiableCollection((Collection) c);
            case "UnmodifiableSet" -> c -> Collections.unmodifiableSet((Set) c);
            case "UnmodifiableSortedSet" -> c -> Collections.unmodifiableSortedSet((SortedSet) c);
            case "UnmodifiableNavigableSet" -> c -> Collections.unmodifiableNavigableSet((NavigableSet) c);
            case "UnmodifiableList", "UnmodifiableRandomAccessList" -> c -> Collections.unmodifiableList((List) c);
            case "UnmodifiableMap" -> c -> Collections.unmodifiableMap((Map) c);
            case "UnmodifiableSortedMap" -> c -> Collections.unmodifiableSortedMap((SortedMap) c);
            case "UnmodifiableNavigableMap" -> c -> Collections.unmodifiableNavigableMap((NavigableMap) c);
            case "SynchronizedCollection" -> c -> Collections.synchronizedCollection((Collection) c);
            case "SynchronizedSet" -> c -> Collections.synchronizedSet((Set) c);
            case "SynchronizedSortedSet" -> c -> Collections.synchronizedSortedSet((SortedSet) c);
            case "SynchronizedNavigableSet" -> c -> Collections.synchronizedNavigableSet((NavigableSet) c);
            case "SynchronizedList", "SynchronizedRandomAccessList" -> c -> Collections.synchronizedList((List) c);
            case "SynchronizedMap" -> c -> Collections.synchronizedMap((Map) c);
            case "SynchronizedSortedMap" -> c -> Collections.synchronizedSortedMap((SortedMap) c);
            case "SynchronizedNavigableMap" -> c -> Collections.synchronizedNavigableMap((NavigableMap) c);
            default -> null;
        };
        return wrap == null ? null : new WrapperCopier(wrap);
    }

    @Override
    public void start(Object original, PathNode path, Sink sink, CopyContext context) {
        Object inner = wrappedBy(original, path);
        context.account(path, original, 24L);
        context.markInProgress(original);
        // the wrapper is made as soon as the inner copy exists, so the inner's elements may refer to it
        context.schedule(inner, path, innerCopy -> {
            Object copy = wrap.apply(innerCopy);
            context.register(original, copy);
            sink.accept(copy);
        });
    }

    private static Object wrappedBy(Object wrapper, PathNode path) {
        Probe probe;
        try {
            probe = new Probe();
            probe.writeObject(wrapper);
        } catch (Found found) {
            return found.inner;
        } catch (IOException | RuntimeException e) {
            throw new DataCloneException(path.toString(), wrapper.getClass().getName(),
                    "the wrapped collection could not be found", "wrap a standalone collection", e);
        }
        throw new DataCloneException(path.toString(), wrapper.getClass().getName(),
                "the wrapped collection could not be found", "wrap a standalone collection");
    }

    /** Stops the probe once the wrapped collection is seen. */
    private static final class Found extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Object inner;

        Found(Object inner) {
            super(null, null, false, false);
            this.inner = inner;
        }
    }

    /** A serialization stream that reports the first object after the wrapper and writes nothing. */
    private static final class Probe extends ObjectOutputStream {
        private int seen;

        Probe() throws IOException {
            super(OutputStream.nullOutputStream());
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object obj) {
            if (seen++ == 0) {
                return obj;
            }
            throw new Found(obj);
        }
    }
}
