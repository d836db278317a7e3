package dev.courier.benchmarks;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark and its baselines in one JVM session (one fork per benchmark), the Node.js
 * baselines beside them, and writes {@code benchmarks/results/latest.md}.
 *
 * <p>Usage: {@code java -jar benchmarks/target/benchmarks.jar [--smoke] [repository root]}. {@code --smoke}
 * runs one short iteration of each benchmark to prove they run; its figures mean nothing.
 */
public final class BenchmarkSuite {

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = List.of(args).contains("--smoke");
        boolean quick = List.of(args).contains("--quick");
        Path root = Path.of(List.of(args).stream().filter(a -> !a.startsWith("--")).findFirst().orElse("."));
        Scores scores = new Scores();

        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("dev\\.courier\\.benchmarks\\..*Benchmark\\..*")
                .forks(1)
                .shouldFailOnError(true)
                .jvmArgsAppend("-Xmx4g");
        if (smoke) {
            options.warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(200));
        } else if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3).measurementTime(TimeValue.seconds(1));
        } else {
            // Enough iterations that a figure's 99.9% error is normally under 10% of it on a quiet machine.
            options.warmupIterations(3).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(6).measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        for (RunResult result : results) {
            scores.put(key(result), result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError(),
                    result.getPrimaryResult().getScoreUnit());
        }
        wakeUp(scores, "WakeUpBenchmark.courierAwait", "wakeup.courier");
        wakeUp(scores, "WakeUpBenchmark.awaitilityDefault", "wakeup.awaitility");
        HistoryMemory.measure(scores, smoke ? 100_000 : 1_000_000);

        if (!smoke) {
            NodeBaseline.run(root.resolve("benchmarks/node/postmessage.js"), List.of("200000", "5"), scores, "msg/s");
            NodeBaseline.run(root.resolve("benchmarks/node/clone.js"), List.of("3"), scores, "ops/s");
        }

        String environment = Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + (smoke ? ", SMOKE RUN (figures meaningless)"
                : quick ? ", QUICK RUN (fewer iterations: wider error bars)" : "");
        Path out = root.resolve(smoke ? "benchmarks/target/smoke.md" : "benchmarks/results/latest.md");
        Targets.report().write(out, scores, environment);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    // The wake-up operation includes the trigger delay; the latency past it is what the target is about.
    private static void wakeUp(Scores scores, String operationKey, String key) {
        scores.get(operationKey).ifPresent(millis ->
                scores.put(key, millis - WakeUpBenchmark.TRIGGER_DELAY_MICROS / 1000.0,
                        scores.score(operationKey).map(Scores.Score::error).orElse(Double.NaN), "ms"));
    }

    /** {@code CloneBenchmark.kryoCopy:graph100}: simple class name, method, then parameter values. */
    static String key(RunResult result) {
        String benchmark = result.getParams().getBenchmark();
        String[] parts = benchmark.split("\\.");
        String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
        String params = result.getParams().getParamsKeys().stream()
                .map(result.getParams()::getParam)
                .collect(Collectors.joining(","));
        return params.isEmpty() ? name : name + ":" + params;
    }
}
