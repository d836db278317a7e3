package dev.courier.clone.internal;

import dev.courier.clone.DataCloneException;
import dev.courier.clone.Transferable;
import java.io.Serializable;
import java.util.Collection;
import java.util.Map;

/**
 * Chooses, once per class, how values of that class are copied. The order of the checks is the order of
 * the design rules: shared immutables (C1), rejected kinds (C5), arrays, records (C4), throwables, JDK
 * types through their public API (C3), then user classes field by field (C4).
 */
public final class Handlers {

    /** Values of the class are shared, not copied. */
    static final CopyHandler SHARE = (original, path, sink, context) -> sink.accept(original);

    /**
     * Values of the class are {@link Transferable}: outside the transfer list they are copied with
     * {@code copyForClone()} or rejected (the engine does this, since it is not counted as an object).
     */
    static final CopyHandler TRANSFERABLE = (original, path, sink, context) -> {
        throw new IllegalStateException("a Transferable is copied by the engine");
    };

    private static final ClassValue<CopyHandler> HANDLERS = new ClassValue<>() {
        @Override
        protected CopyHandler computeValue(Class<?> type) {
            return choose(type);
        }
    };

    private Handlers() {
    }

    static CopyHandler of(Class<?> type) {
        return HANDLERS.get(type);
    }

    private static CopyHandler choose(Class<?> type) {
        if (Immutables.isShared(type)) {
            return SHARE;
        }
        if (Transferable.class.isAssignableFrom(type)) {
            return TRANSFERABLE;
        }
        NotCloneable.Verdict verdict = NotCloneable.check(type);
        if (verdict != null) {
            return reject(verdict.problem(), verdict.hint());
        }
        if (type.isArray()) {
            return ArrayCopier.INSTANCE;
        }
        if (type.isRecord()) {
            try {
                return new RecordCopier(type);
            } catch (RuntimeException e) {
                return reject("its components cannot be read (" + e.getMessage() + ")",
                        "open the package " + type.getPackageName() + " to Courier");
            }
        }
        if (Throwable.class.isAssignableFrom(type)) {
            return new ThrowableCopier(type);
        }
        return JdkTypes.isJdk(type) ? forJdk(type) : forUserClass(type);
    }

    private static CopyHandler forJdk(Class<?> type) {
        if (type.getName().startsWith("java.util.Collections$Empty")) {
            return SHARE;
        }
        CopyHandler handler = JdkCollections.handlerFor(type);
        if (handler == null) {
            handler = ImmutableCopiers.handlerFor(type);
        }
        if (handler == null) {
            handler = WrapperCopier.handlerFor(type);
        }
        if (handler == null) {
            handler = ValueCopiers.handlerFor(type);
        }
        if (handler != null) {
            return handler;
        }
        if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
            return reject("a view of another collection (keySet(), values(), subList(), ...) or a JDK"
                    + " collection kind Courier has no handler for cannot be cloned on its own",
                    "copy it into a standalone collection first, e.g. new ArrayList<>(map.values())");
        }
        if (Serializable.class.isAssignableFrom(type)) {
            return SerializationCopier.INSTANCE;
        }
        return reject("JDK type with no clone handler, and not Serializable",
                "convert it to a collection, record or array of plain values");
    }

    private static CopyHandler forUserClass(Class<?> type) {
        Class<?> base = JdkTypes.jdkBase(type);
        if (!JdkTypes.isStatelessBase(base)) {
            CopyHandler handler = SubclassCopier.handlerFor(type, base);
            if (handler != null) {
                return handler;
            }
            return reject("it extends the JDK class " + base.getName() + ", whose private state cannot be"
                    + " read without --add-opens", "hold the " + base.getSimpleName() + " in a field instead"
                    + " of extending it");
        }
        RuntimeException failure = FieldPlan.of(type).failure();
        if (failure != null) {
            return reject("its fields cannot be read (" + failure.getMessage() + ")",
                    "open the package " + type.getPackageName() + " to Courier");
        }
        return new ObjectCopier(type);
    }

    private static CopyHandler reject(String problem, String hint) {
        return (original, path, sink, context) -> {
            throw new DataCloneException(path.toString(), original.getClass().getName(), problem, hint);
        };
    }
}
