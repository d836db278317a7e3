package dev.courier.benchmarks;

import dev.courier.benchmarks.Report.Target;

/** The performance targets of the design, as report rows. */
final class Targets {

    private Targets() {
    }

    static Report report() {
        return new Report()
                .row("postMessage → listener, small record, recording on, 1 sender",
                        "PostMessageBenchmark.courier:1", "HandOffBenchmark.linkedBlockingQueue:1",
                        "LinkedBlockingQueue hand-off", Target.ratioAtLeast(0.5, "≥ 0.5×"))
                .row("postMessage → listener, small record, recording on, 1 sender",
                        "PostMessageBenchmark.courier:1", "node.postMessage",
                        "Node.js worker.postMessage", Target.ratioAtLeast(6, "≥ 6×"))
                .row("structured clone, 100-item graph", "CloneBenchmark.structuredClone:graph100",
                        "CloneBenchmark.handWritten:graph100", "hand-written copy",
                        Target.ratioAtLeast(0.5, "≤ 2× slower (≥ 0.5×)"))
                .row("structured clone, 100-item graph", "CloneBenchmark.structuredClone:graph100",
                        "CloneBenchmark.kryoCopy:graph100", "Kryo copy()", Target.ratioAtLeast(3, "≥ 3×"))
                .row("structured clone, 100-item graph", "CloneBenchmark.structuredClone:graph100",
                        "CloneBenchmark.foryCopy:graph100", "Apache Fory copy()", Target.ratioAtLeast(1, "ahead (≥ 1×)"))
                .row("structured clone, 100-item graph", "CloneBenchmark.structuredClone:graph100",
                        "CloneBenchmark.javaSerialization:graph100", "Java serialization round trip",
                        Target.ratioAtLeast(30, "≥ 30×"))
                .row("structured clone, 100-item graph", "CloneBenchmark.structuredClone:graph100",
                        "node.graph100", "Node.js structuredClone", Target.ratioAtLeast(15, "≥ 15×"))
                .row("structured clone, 10,000-element list", "CloneBenchmark.structuredClone:list10k",
                        "CloneBenchmark.handWritten:list10k", "hand-written copy",
                        Target.ratioAtLeast(0.5, "≤ 2× slower (≥ 0.5×)"))
                .row("structured clone, 10,000-element list", "CloneBenchmark.structuredClone:list10k",
                        "CloneBenchmark.kryoCopy:list10k", "Kryo copy()", Target.ratioAtLeast(1, "ahead (≥ 1×)"))
                .row("structured clone, 10,000-element list", "CloneBenchmark.structuredClone:list10k",
                        "CloneBenchmark.foryCopy:list10k", "Apache Fory copy()", Target.ratioAtLeast(1, "ahead (≥ 1×)"))
                .row("structured clone, 1,000,000-deep record chain", "DeepGraphBenchmark.structuredClone:recordChain1m",
                        "DeepGraphBenchmark.handWritten:recordChain1m", "hand-written copy", Target.atMost(2.0, "< 2 s"))
                .row("fidelity compare, 1,000,000-deep record chain", "DeepGraphBenchmark.compare:recordChain1m",
                        null, null, Target.atMost(2.0, "< 2 s"))
                .row("structured clone, 1,000,000-deep mutable class chain",
                        "DeepGraphBenchmark.structuredClone:mutableChain1m", "DeepGraphBenchmark.handWritten:mutableChain1m",
                        "hand-written copy", Target.atMost(2.0, "< 2 s"))
                .row("fidelity compare, 1,000,000-deep mutable class chain", "DeepGraphBenchmark.compare:mutableChain1m",
                        null, null, Target.atMost(2.0, "< 2 s"))
                .row("structured clone, 1,000,000-node LinkedList", "DeepGraphBenchmark.structuredClone:linkedList1m",
                        "DeepGraphBenchmark.handWritten:linkedList1m", "hand-written copy", Target.atMost(2.0, "< 2 s"))
                .row("fidelity compare, 1,000,000-node LinkedList", "DeepGraphBenchmark.compare:linkedList1m",
                        null, null, Target.atMost(2.0, "< 2 s"))
                .row("an assertion waiting on a growing log, 1,000,000 messages",
                        "GrowingLogWaitBenchmark.recordWhileWaiting:1000000", "GrowingLogWaitBenchmark.recordOnly:1000000",
                        "recording them with no one waiting",
                        Target.ratioAtMost(2, "< 2×"))
                .row("history check (counts + per-sender order), 10M events", "HistoryCheckBenchmark.countsAndOrder",
                        null, null, Target.atMost(1.0, "< 1 s"))
                .row("history memory per message, no payloads", "history.bytesPerMessage", null, null,
                        Target.atMost(64, "≤ 64 bytes"))
                .row("wake-up after the awaited condition holds", "wakeup.courier",
                        "wakeup.awaitility", "Awaitility default (100 ms poll)",
                        Target.atMost(2, "< 2 ms"))
                .row("fuzz tries per second, simulated 100-message schedule", "FuzzBenchmark.scheduleTries",
                        null, null, Target.atLeast(1000, "≥ 1,000"))
                .row("fuzz tries per second, two user workers exchanging 20 messages, interleaving fuzzed",
                        "FuzzBenchmark.interleavingPropertyTries", null, null, Target.atLeast(1000, "≥ 1,000"))
                .row("fuzz tries per second, same property with per-try resources and teardown",
                        "FuzzBenchmark.interleavingPropertyTriesWithPerTryTeardown", null, null,
                        Target.atLeast(1000, "≥ 1,000"))
                .row("fuzz tries per second, payload fidelity property", "FuzzBenchmark.payloadPropertyTries",
                        null, null, Target.none())
                .row("tapped ThreadPoolExecutor, task throughput, recording on", "TapsBenchmark.threadPoolTap",
                        "TapsBenchmark.threadPoolExecutor", "the same ThreadPoolExecutor untapped",
                        Target.ratioAtLeast(0.5, "≥ 0.5×"))
                .row("tapped ScheduledThreadPoolExecutor, execute throughput, recording on",
                        "TapsBenchmark.scheduledPoolTap", "TapsBenchmark.scheduledThreadPoolExecutor",
                        "the same ScheduledThreadPoolExecutor untapped", Target.ratioAtLeast(0.5, "≥ 0.5×"))
                .row("tapped SubmissionPublisher, hand-off to one subscriber, recording on",
                        "TapsBenchmark.submissionPublisherTap", "TapsBenchmark.submissionPublisher",
                        "the same SubmissionPublisher untapped", Target.ratioAtLeast(0.5, "≥ 0.5×"))
                .row("tapped ConcurrentLinkedQueue, hand-off to a polling consumer, recording on",
                        "TapsBenchmark.concurrentLinkedQueueTap", "TapsBenchmark.concurrentLinkedQueue",
                        "the same ConcurrentLinkedQueue untapped", Target.ratioAtLeast(0.5, "≥ 0.5×"));
    }
}
