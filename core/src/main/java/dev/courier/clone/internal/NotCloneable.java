package dev.courier.clone.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.io.Writer;
import java.lang.ref.Reference;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.Channel;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.Spliterator;
import java.util.Timer;
import java.util.WeakHashMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Exchanger;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.AbstractQueuedLongSynchronizer;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import java.util.stream.BaseStream;

/**
 * Kinds of values that cannot cross a port (design rule C5), each with the problem and a hint.
 * Checked by class, so the verdict is cached with the class's handler.
 */
final class NotCloneable {

    /** Why a class is rejected. */
    record Verdict(String problem, String hint) {
    }

    private static final String SYNC_HINT =
            "coordinate through messages instead, or share state through a SharedBuffer's atomic views";
    private static final String IO_HINT = "send the data read from it, or a path or URI to open on the receiving side";

    private NotCloneable() {
    }

    /** The verdict for {@code type}, or null if it is not rejected by kind. */
    static Verdict check(Class<?> type) {
        if (type.isHidden() || type.isSynthetic() || type.getName().contains("$$Lambda")) {
            return new Verdict("a lambda or method reference is a function, and functions cannot be cloned",
                    "send data instead (a record or enum naming the operation) and look the function up on"
                            + " the receiving side");
        }
        Class<?> function = type.isAnonymousClass() ? functionalInterfaceOf(type) : null;
        if (function != null) {
            return new Verdict("an anonymous class implementing the functional interface " + function.getName()
                    + " is a function (code, with the variables and enclosing instance it captured), and functions"
                    + " cannot be cloned", "send data instead (a record or enum naming the operation) and look the"
                    + " function up on the receiving side; a named class is copied field by field");
        }
        if (Proxy.isProxyClass(type)) {
            return new Verdict("a dynamic proxy cannot be cloned", "send the data behind the proxy");
        }
        if (Thread.class.isAssignableFrom(type) || ThreadGroup.class.isAssignableFrom(type)
                || ThreadLocal.class.isAssignableFrom(type)) {
            return new Verdict("a thread (or thread group or thread-local) cannot be cloned",
                    "send an identifier or the data the thread works on");
        }
        if (isAny(type, Lock.class, ReadWriteLock.class, Condition.class, StampedLock.class, Semaphore.class,
                CountDownLatch.class, CyclicBarrier.class, Phaser.class, Exchanger.class,
                AbstractQueuedSynchronizer.class, AbstractQueuedLongSynchronizer.class)) {
            return new Verdict("a lock or synchronizer cannot be cloned (a copy would not synchronize with"
                    + " the original)", SYNC_HINT);
        }
        if (Executor.class.isAssignableFrom(type) || Timer.class.isAssignableFrom(type)) {
            return new Verdict("an executor or timer cannot be cloned", "send the task's data and run it on the"
                    + " receiving side's own executor");
        }
        if (Future.class.isAssignableFrom(type) || CompletionStage.class.isAssignableFrom(type)) {
            return new Verdict("a future cannot be cloned", "wait for its result and send that, or reply with"
                    + " a message when it completes");
        }
        return checkResources(type);
    }

    private static Verdict checkResources(Class<?> type) {
        if (isAny(type, InputStream.class, OutputStream.class, Reader.class, Writer.class, Channel.class,
                Socket.class, ServerSocket.class, DatagramSocket.class, Selector.class, RandomAccessFile.class)) {
            return new Verdict("an I/O stream, reader, writer, channel or socket cannot be cloned", IO_HINT);
        }
        if (BaseStream.class.isAssignableFrom(type)) {
            return new Verdict("a java.util.stream pipeline cannot be cloned", "collect it into a list first");
        }
        if (ClassLoader.class.isAssignableFrom(type)) {
            return new Verdict("a class loader cannot be cloned", "send the class or resource name");
        }
        if (Reference.class.isAssignableFrom(type) || WeakHashMap.class.isAssignableFrom(type)) {
            return new Verdict("a weak, soft or phantom reference cannot be cloned (its referent may vanish"
                    + " at any time)", "send the referent itself, or nothing");
        }
        if (isAny(type, Iterator.class, Spliterator.class, Enumeration.class)) {
            return new Verdict("an iterator cannot be cloned (it is a cursor into another object)",
                    "send the collection, or the remaining elements collected into a list");
        }
        if (Process.class.isAssignableFrom(type) || ProcessHandle.class.isAssignableFrom(type)) {
            return new Verdict("a process handle cannot be cloned", "send the process id");
        }
        return null;
    }

    /**
     * The functional interface an anonymous class implements, or null: any interface in its hierarchy
     * annotated {@code @FunctionalInterface} ({@code Runnable}, {@code Comparator}, {@code Function}, ...), or
     * a user interface it implements directly with a single abstract method. JDK interfaces that only happen
     * to have one method ({@code Iterable}, {@code Comparable}) do not count, so a double-brace
     * {@code new HashMap<>() {{ ... }}} stays a map.
     */
    static Class<?> functionalInterfaceOf(Class<?> type) {
        for (Class<?> direct : type.getInterfaces()) {
            if (!JdkTypes.isJdk(direct) && abstractMethods(direct) == 1) {
                return direct;
            }
        }
        ArrayDeque<Class<?>> pending = new ArrayDeque<>();
        for (Class<?> at = type; at != null; at = at.getSuperclass()) {
            pending.addAll(List.of(at.getInterfaces()));
        }
        Set<Class<?>> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Class<?> next = pending.poll();
            if (seen.add(next)) {
                if (next.isAnnotationPresent(FunctionalInterface.class)) {
                    return next;
                }
                pending.addAll(List.of(next.getInterfaces()));
            }
        }
        return null;
    }

    private static int abstractMethods(Class<?> type) {
        int count = 0;
        for (Method method : type.getMethods()) {
            if (Modifier.isAbstract(method.getModifiers()) && !isObjectMethod(method)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isObjectMethod(Method method) {
        try {
            Object.class.getMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean isAny(Class<?> type, Class<?>... kinds) {
        for (Class<?> kind : kinds) {
            if (kind.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }
}
