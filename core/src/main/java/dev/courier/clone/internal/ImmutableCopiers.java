package dev.courier.clone.internal;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Handlers for JDK values built from their parts: {@code List.of}/{@code Set.of}/{@code Map.of} results
 * (they stay immutable), {@code Collections.singletonX}, {@code Optional} and map entries. Each is shared
 * when all its parts are shared, rebuilt from the copied parts otherwise.
 */
final class ImmutableCopiers {

    private ImmutableCopiers() {
    }

    /** The handler for this JDK class, or null. */
    static CopyHandler handlerFor(Class<?> type) {
        String name = type.getName();
        if (name.startsWith("java.util.ImmutableCollections$")) {
            if (List.class.isAssignableFrom(type)) {
                return elements((original, parts, path) -> immutableList(parts));
            }
            if (Set.class.isAssignableFrom(type)) {
                return elements((original, parts, path) -> Set.of(parts));
            }
            if (Map.class.isAssignableFrom(type)) {
                return entries((original, parts, path) -> immutableMap(parts));
            }
        }
        switch (name) {
            case "java.util.Collections$SingletonList":
                return elements((original, parts, path) -> Collections.singletonList(parts[0]));
            case "java.util.Collections$SingletonSet":
                return elements((original, parts, path) -> Collections.singleton(parts[0]));
            case "java.util.Collections$SingletonMap":
                return entries((original, parts, path) -> Collections.singletonMap(parts[0], parts[1]));
            case "java.util.KeyValueHolder":
                return entry((original, parts, path) -> Map.entry(parts[0], parts[1]));
            case "java.util.AbstractMap$SimpleEntry":
                return entry((original, parts, path) -> new AbstractMap.SimpleEntry<>(parts[0], parts[1]));
            case "java.util.AbstractMap$SimpleImmutableEntry":
                return entry((original, parts, path) -> new AbstractMap.SimpleImmutableEntry<>(parts[0], parts[1]));
            default:
                return type == Optional.class ? optional() : null;
        }
    }

    private static CopyHandler elements(BuildFromParts.Builder build) {
        return (original, path, sink, context) -> {
            Object[] parts = ((Collection<?>) original).toArray();
            PathNode[] paths = new PathNode[parts.length];
            for (int i = 0; i < parts.length; i++) {
                paths[i] = path.index(i);
            }
            context.account(path, original, 16L + 8L * parts.length);
            BuildFromParts.start(context, original, parts, paths, build, sink);
        };
    }

    private static CopyHandler entries(BuildFromParts.Builder build) {
        return (original, path, sink, context) -> {
            Map<?, ?> map = (Map<?, ?>) original;
            Object[] parts = new Object[2 * map.size()];
            PathNode[] paths = new PathNode[parts.length];
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                paths[i] = path.field("keySet()").position(i / 2);
                parts[i++] = entry.getKey();
                paths[i] = path.key(entry.getKey(), i / 2);
                parts[i++] = entry.getValue();
            }
            context.account(path, original, 16L + 16L * map.size());
            BuildFromParts.start(context, original, parts, paths, build, sink);
        };
    }

    private static CopyHandler entry(BuildFromParts.Builder build) {
        return (original, path, sink, context) -> {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) original;
            Object[] parts = {entry.getKey(), entry.getValue()};
            PathNode[] paths = {path.field("key"), path.field("value")};
            context.account(path, original, 32L);
            BuildFromParts.start(context, original, parts, paths, build, sink);
        };
    }

    private static CopyHandler optional() {
        return (original, path, sink, context) -> {
            Optional<?> optional = (Optional<?>) original;
            Object[] parts = {optional.orElse(null)};
            PathNode[] paths = {path.field("get()")};
            context.account(path, original, 16L);
            BuildFromParts.start(context, original, parts, paths, (o, copies, p) -> Optional.ofNullable(copies[0]),
                    sink);
        };
    }

    /** {@code List.of} rejects nulls; a {@code Stream.toList()} result may hold them and stays unmodifiable. */
    private static Object immutableList(Object[] parts) {
        for (Object part : parts) {
            if (part == null) {
                return Arrays.stream(parts).toList();
            }
        }
        return List.of(parts);
    }

    private static Object immutableMap(Object[] parts) {
        @SuppressWarnings("unchecked")
        Map.Entry<Object, Object>[] entries = (Map.Entry<Object, Object>[]) new Map.Entry<?, ?>[parts.length / 2];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = Map.entry(parts[2 * i], parts[2 * i + 1]);
        }
        return Map.ofEntries(entries);
    }
}
