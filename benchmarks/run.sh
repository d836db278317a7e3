#!/usr/bin/env bash
# Builds Courier and runs every benchmark with its baselines side by side (JMH, one fork each, 3 warm-up and
# 6 measured iterations of 1 s; about 12 minutes on 2 cores), plus the Node.js baselines when node is on the
# PATH. Every figure is written with its error (99.9% confidence) and a row whose error passes 10% says so.
# TapsBenchmark runs each JDK-typed tap (ThreadPoolExecutor, ScheduledThreadPoolExecutor, SubmissionPublisher,
# ConcurrentLinkedQueue) against the same JDK object untapped; its ratios are rows of the report.
# Writes benchmarks/results/latest.md. Pass --quick for fewer iterations (wider errors; the report says so),
# --smoke for a one-iteration run that only proves they run (written to benchmarks/target/smoke.md).
# DeepGraphBenchmark (clone and Fidelity.compare of 1,000,000-deep record chains and LinkedLists, target
# < 2 s each) is part of the run; alone: java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main
# DeepGraphBenchmark -f 1 -wi 1 -i 3
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -pl benchmarks -am -DskipTests
java -jar benchmarks/target/benchmarks.jar "$@" .
