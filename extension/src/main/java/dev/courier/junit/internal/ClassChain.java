package dev.courier.junit.internal;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/** The enclosing-class chain of a ({@code @Nested}) test class, for annotation lookups. */
final class ClassChain {

    private ClassChain() {
    }

    /** The outermost enclosing class first, {@code testClass} last. */
    static List<Class<?>> outermostFirst(Class<?> testClass) {
        Deque<Class<?>> chain = new ArrayDeque<>();
        for (Class<?> level = testClass; level != null; level = level.getEnclosingClass()) {
            chain.addFirst(level);
        }
        return List.copyOf(chain);
    }

    /** {@code testClass} first, then its enclosing classes outwards. */
    static List<Class<?>> innermostFirst(Class<?> testClass) {
        List<Class<?>> chain = new ArrayList<>(outermostFirst(testClass));
        Collections.reverse(chain);
        return chain;
    }

    static String describe(AnnotatedElement element) {
        if (element instanceof Method method) {
            return method.getDeclaringClass().getName() + "." + method.getName() + "()";
        }
        return element instanceof Class<?> type ? type.getName() : element.toString();
    }
}
