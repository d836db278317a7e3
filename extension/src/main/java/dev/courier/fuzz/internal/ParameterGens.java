package dev.courier.fuzz.internal;

import dev.courier.fuzz.ForAll;
import dev.courier.fuzz.From;
import dev.courier.fuzz.Gen;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.function.Supplier;
import org.junit.platform.commons.support.ReflectionSupport;

/** Finds the generator of a {@code @From} or {@code @ForAll} parameter, with errors naming the parameter. */
final class ParameterGens {

    private ParameterGens() {
    }

    static boolean isGenerated(Parameter parameter) {
        return parameter.isAnnotationPresent(From.class) || parameter.isAnnotationPresent(ForAll.class);
    }

    static Gen<?> genFor(Parameter parameter, Method method, Class<?> testClass, Object testInstance) {
        From from = parameter.getAnnotation(From.class);
        ForAll forAll = parameter.getAnnotation(ForAll.class);
        String where = "parameter " + describe(parameter, method) + " of " + testClass.getSimpleName() + "."
                + method.getName() + "()";
        if (from != null && forAll != null) {
            throw new IllegalArgumentException(where + " has both @From and @ForAll; use one");
        }
        Gen<?> gen = from != null ? fromProvider(from, where) : fromMethod(forAll, testClass, testInstance, where);
        if (gen == null) {
            throw new IllegalStateException(where + ": its generator source returned null");
        }
        return gen;
    }

    static String describe(Parameter parameter, Method method) {
        String name = parameter.isNamePresent() ? parameter.getName() : "#" + indexOf(parameter, method);
        return name + " (" + parameter.getType().getSimpleName() + ")";
    }

    private static int indexOf(Parameter parameter, Method method) {
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i].equals(parameter)) {
                return i;
            }
        }
        return -1;
    }

    private static Gen<?> fromProvider(From from, String where) {
        Supplier<? extends Gen<?>> provider;
        try {
            provider = ReflectionSupport.newInstance(from.value());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("@From(" + from.value().getSimpleName() + ".class) on " + where
                    + ": cannot create " + from.value().getName() + " with a no-arg constructor: " + e, e);
        }
        return provider.get();
    }

    private static Gen<?> fromMethod(ForAll forAll, Class<?> testClass, Object testInstance, String where) {
        String prefix = "@ForAll(\"" + forAll.value() + "\") on " + where;
        Method source = ReflectionSupport.findMethod(testClass, forAll.value())
                .orElseThrow(() -> new IllegalArgumentException(prefix + ": no method " + forAll.value()
                        + "() in " + testClass.getName() + " or its superclasses"));
        if (!Gen.class.isAssignableFrom(source.getReturnType())) {
            throw new IllegalArgumentException(prefix + ": " + forAll.value() + "() must return a Gen, but returns "
                    + source.getReturnType().getName());
        }
        Object target = Modifier.isStatic(source.getModifiers()) ? null : testInstance;
        return (Gen<?>) ReflectionSupport.invokeMethod(source, target);
    }
}
