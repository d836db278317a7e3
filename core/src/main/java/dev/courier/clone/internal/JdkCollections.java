package dev.courier.clone.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Stack;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Vector;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;

/** Copy handlers for the mutable JDK collections and maps, by exact class. */
final class JdkCollections {

    private static final Map<Class<?>, CopyHandler> HANDLERS = new HashMap<>();

    static {
        list(ArrayList.class, (o, c) -> new ArrayList<>(o.size()));
        list(LinkedList.class, (o, c) -> new LinkedList<>());
        list(ArrayDeque.class, (o, c) -> new ArrayDeque<>(o.size()));
        list(Vector.class, (o, c) -> new Vector<>(o.size()));
        list(Stack.class, (o, c) -> new Stack<>());
        list(HashSet.class, (o, c) -> new HashSet<>());
        list(LinkedHashSet.class, (o, c) -> new LinkedHashSet<>());
        list(CopyOnWriteArrayList.class, (o, c) -> new CopyOnWriteArrayList<>());
        list(CopyOnWriteArraySet.class, (o, c) -> new CopyOnWriteArraySet<>());
        list(ConcurrentLinkedQueue.class, (o, c) -> new ConcurrentLinkedQueue<>());
        list(ConcurrentLinkedDeque.class, (o, c) -> new ConcurrentLinkedDeque<>());
        list(LinkedBlockingQueue.class, (o, c) -> new LinkedBlockingQueue<>(capacity(o)));
        list(LinkedBlockingDeque.class, (o, c) -> new LinkedBlockingDeque<>(capacity(o)));
        list(ArrayBlockingQueue.class, (o, c) -> new ArrayBlockingQueue<>(capacity(o)));
        list(Arrays.asList().getClass(), (o, c) -> Arrays.asList(new Object[o.size()]));
        sorted(TreeSet.class, (o, c) -> new TreeSet<>(uncheck(c)));
        sorted(ConcurrentSkipListSet.class, (o, c) -> new ConcurrentSkipListSet<>(uncheck(c)));
        sorted(PriorityQueue.class, (o, c) -> new PriorityQueue<>(Math.max(1, o.size()), uncheck(c)));
        sorted(PriorityBlockingQueue.class,
                (o, c) -> new PriorityBlockingQueue<>(Math.max(1, o.size()), uncheck(c)));
        map(HashMap.class, (o, c) -> new HashMap<>());
        map(LinkedHashMap.class, JdkCollections::emptyLinkedHashMap);
        map(Hashtable.class, (o, c) -> new Hashtable<>());
        map(IdentityHashMap.class, (o, c) -> new IdentityHashMap<>());
        map(ConcurrentHashMap.class, (o, c) -> new ConcurrentHashMap<>());
        map(EnumMap.class, JdkCollections::emptyEnumMap);
        HANDLERS.put(TreeMap.class, new MapCopier((o, c) -> new TreeMap<>(uncheck(c)), true));
        HANDLERS.put(ConcurrentSkipListMap.class,
                new MapCopier((o, c) -> new ConcurrentSkipListMap<>(uncheck(c)), true));
    }

    private JdkCollections() {
    }

    /** The handler for exactly this JDK collection or map class, or null. */
    static CopyHandler handlerFor(Class<?> type) {
        return HANDLERS.get(type);
    }

    private static void list(Class<?> type, CollectionCopier.Factory factory) {
        HANDLERS.put(type, new CollectionCopier(factory, false));
    }

    private static void sorted(Class<?> type, CollectionCopier.Factory factory) {
        HANDLERS.put(type, new CollectionCopier(factory, true));
    }

    private static void map(Class<?> type, MapCopier.Factory factory) {
        HANDLERS.put(type, new MapCopier(factory, false));
    }

    @SuppressWarnings("unchecked")
    private static Comparator<Object> uncheck(Comparator<?> comparator) {
        return (Comparator<Object>) comparator;
    }

    private static int capacity(Collection<?> queue) {
        int remaining = queue instanceof BlockingDeque<?> deque ? deque.remainingCapacity()
                : ((BlockingQueue<?>) queue).remainingCapacity();
        long total = (long) remaining + queue.size();
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    /** clone() keeps the class and the access-order flag, which has no public accessor. */
    @SuppressWarnings("unchecked")
    private static Map<Object, Object> emptyLinkedHashMap(Map<?, ?> original, Comparator<?> unused) {
        Map<Object, Object> shell = (Map<Object, Object>) ((LinkedHashMap<?, ?>) original).clone();
        shell.clear();
        return shell;
    }

    /** The copy constructor keeps the key type, even for an empty EnumMap. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<Object, Object> emptyEnumMap(Map<?, ?> original, Comparator<?> unused) {
        EnumMap shell = new EnumMap((EnumMap) original);
        shell.clear();
        return shell;
    }
}
