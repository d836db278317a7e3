#!/usr/bin/env bash
# Builds Courier and runs every benchmark with its baselines side by side (JMH, one fork each, short but
# stable settings; about 10 minutes on 2 cores), plus the Node.js baselines when node is on the PATH.
# TapsBenchmark runs each JDK-typed tap (ThreadPoolExecutor, ScheduledThreadPoolExecutor, SubmissionPublisher,
# ConcurrentLinkedQueue) against the same JDK object untapped; its ratios are rows of the report.
# Writes benchmarks/results/latest.md. Pass --smoke for a one-iteration run that only proves they run.
# DeepGraphBenchmark (clone and Fidelity.compare of 1,000,000-deep record chains and LinkedLists, target
# < 2 s each) is part of the run; alone: java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main
# DeepGraphBenchmark -f 1 -wi 1 -i 3
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -pl benchmarks -am -DskipTests
java -jar benchmarks/target/benchmarks.jar "$@" .
