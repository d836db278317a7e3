package dev.courier.fuzz.internal;

import dev.courier.fuzz.FuzzTest;
import dev.courier.fuzz.Gen;
import dev.courier.fuzz.TryResources;
import dev.courier.history.internal.DurationText;
import dev.courier.junit.internal.Runs;
import dev.courier.junit.internal.TestRun;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.opentest4j.TestAbortedException;

/**
 * Runs {@link FuzzTest} methods. It resolves only {@code @From}/{@code @ForAll} parameters (with placeholders),
 * so other extensions resolve the rest; then it intercepts the single JUnit invocation, marks it handled and
 * invokes the method itself once per try with fresh generated values and the other arguments as JUnit
 * resolved them, except Courier's per-try resources ({@link TryRuns}): new ones each try, torn down after it.
 *
 * <p>Thread contract: stateless; JUnit may use one instance for concurrently running tests.
 */
public final class FuzzExtension implements ParameterResolver, InvocationInterceptor {

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return ParameterGens.isGenerated(parameterContext.getParameter())
                && AnnotationSupport.isAnnotated(parameterContext.getDeclaringExecutable(), FuzzTest.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return placeholder(parameterContext.getParameter().getType());
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context,
                                    ExtensionContext extensionContext) {
        invocation.skip();
        Method method = context.getExecutable();
        FuzzTest fuzz = AnnotationSupport.findAnnotation(method, FuzzTest.class).orElseThrow();
        Class<?> testClass = extensionContext.getRequiredTestClass();
        Object target = context.getTarget().orElse(null);
        Parameter[] parameters = method.getParameters();
        List<Integer> generated = new ArrayList<>();
        List<Gen<?>> gens = new ArrayList<>();
        for (int i = 0; i < parameters.length; i++) {
            if (ParameterGens.isGenerated(parameters[i])) {
                generated.add(i);
                gens.add(ParameterGens.genFor(parameters[i], method, testClass, target));
            }
        }
        Object[] resolved = context.getArguments().toArray();
        TryRuns tries = perTry(fuzz, method, parameters, extensionContext);
        Gen<Try> arguments = Gen.of("arguments of " + method.getName(), source -> {
            Object[] args = resolved.clone();
            for (int k = 0; k < generated.size(); k++) {
                args[generated.get(k)] = source.draw(gens.get(k));
            }
            if (tries == null) {
                return new Try(args, null);
            }
            TestRun run = tries.open(source);
            for (int i = 0; i < parameters.length; i++) {
                if (!ParameterGens.isGenerated(parameters[i]) && TryRuns.TYPES.contains(parameters[i].getType())) {
                    args[i] = TryRuns.valueFor(parameters[i].getType(), run);
                }
            }
            return new Try(args, run);
        });
        RunSettings settings = ConfigResolver.resolve(extensionContext::getConfigurationParameter, fuzz.tries(),
                fuzz.seed(), DurationText.parse("@FuzzTest(maxShrinkTime)", fuzz.maxShrinkTime()),
                fuzz.maxShrinkSteps(), fuzz.timeBudget().isEmpty() ? null
                        : DurationText.parse("@FuzzTest(timeBudget)", fuzz.timeBudget()),
                null, key(testClass, method), "@FuzzTest(seed = %d)");
        new FuzzRunner<>(arguments, one -> invoke(method, target, one, tries), settings,
                one -> print(method, generated, one.args()), extensionContext::publishReportEntry).run();
    }

    /** One try's arguments, and its own Courier resources when they are per try. */
    private record Try(Object[] args, TestRun run) {
    }

    private static void invoke(Method method, Object target, Try one, TryRuns tries) throws Throwable {
        if (one.run() == null) {
            ReflectionSupport.invokeMethod(method, target, one.args());
            return;
        }
        Throwable failure = null;
        try {
            ReflectionSupport.invokeMethod(method, target, one.args());
        } catch (TestAbortedException | OutOfMemoryError e) {
            one.run().close();
            throw e;
        } catch (Throwable t) {
            failure = t;
        }
        tries.close(one.run(), failure);
    }

    /** Per-try resources when the method declares any and did not ask to share them; null otherwise. */
    private static TryRuns perTry(FuzzTest fuzz, Method method, Parameter[] parameters, ExtensionContext context) {
        if (fuzz.resources() == TryResources.SHARED || Arrays.stream(parameters)
                .noneMatch(p -> !ParameterGens.isGenerated(p) && TryRuns.TYPES.contains(p.getType()))) {
            return null;
        }
        TestRun shared = Runs.find(context).orElseThrow(() -> new IllegalStateException("@FuzzTest " + method
                + " declares Courier parameters but no Courier run was set up; annotate the class @CourierTest"));
        Class<?> clockType = shared.clock() == null ? null : shared.clock().getClass();
        return new TryRuns(shared.settings(), clockType,
                DurationText.parse("@FuzzTest(maxTimerLateness)", fuzz.maxTimerLateness()),
                Runs.expectedFaults(context.getRequiredTestClass(), method), "try of " + method.getName());
    }

    private static String key(Class<?> testClass, Method method) {
        return testClass.getName() + "#" + method.getName() + Arrays.stream(method.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(",", "(", ")"));
    }

    private static String print(Method method, List<Integer> generated, Object[] args) {
        Parameter[] parameters = method.getParameters();
        return generated.stream()
                .map(i -> ParameterGens.describe(parameters[i], method) + " = " + Pretty.print(args[i]))
                .collect(Collectors.joining("\n"));
    }

    private static Object placeholder(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == double.class || type == float.class) {
            return type == double.class ? (Object) 0.0 : (Object) 0.0f;
        }
        return type == long.class ? (Object) 0L : type == int.class ? (Object) 0
                : type == short.class ? (Object) (short) 0 : (Object) (byte) 0;
    }
}
