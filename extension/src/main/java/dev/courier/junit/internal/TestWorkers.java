package dev.courier.junit.internal;

import dev.courier.history.DeliveryLog;
import dev.courier.junit.Probe;
import dev.courier.junit.Workers;
import dev.courier.tap.ExecutorTap;
import dev.courier.tap.QueueTap;
import dev.courier.tap.TapOptions;
import dev.courier.tap.Taps;
import dev.courier.worker.MessageChannel;
import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import dev.courier.worker.WorkerScript;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link Workers} of one test: remembers every worker, channel and tapped executor it made so teardown can
 * close them.
 *
 * <p>Thread contract: any thread may call any method; the copy-on-write lists publish each started worker to
 * the teardown, which runs after the test method returned.
 */
final class TestWorkers implements Workers {

    private final DeliveryLog log;
    private final WorkerOptions options;
    private final Duration timeout;
    private final CopyOnWriteArrayList<Worker> started = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<MessageChannel> channels = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<ExecutorTap> executors = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Worker> adopted = new CopyOnWriteArrayList<>();

    TestWorkers(DeliveryLog log, WorkerOptions options, Duration timeout) {
        this.log = log;
        this.options = options;
        this.timeout = timeout;
    }

    @Override
    public Worker start(WorkerScript script) {
        return start(script, options);
    }

    @Override
    public Worker start(String name, WorkerScript script) {
        return start(script, options.name(name));
    }

    @Override
    public Worker start(WorkerScript script, WorkerOptions given) {
        Objects.requireNonNull(given, "options");
        Worker worker = Worker.start(script, given.log(log));
        started.add(worker);
        return worker;
    }

    @Override
    public MessageChannel channel() {
        MessageChannel channel = new MessageChannel(options);
        channels.add(channel);
        return channel;
    }

    @Override
    public Probe probe() {
        QueueProbe probe = new QueueProbe(options, timeout);
        channels.add(probe.channel());
        return probe;
    }

    @Override
    public <T> QueueTap<T> tap(BlockingQueue<T> queue, TapOptions<? super T> tapOptions) {
        return Taps.queue(queue, log, tapOptions);
    }

    @Override
    public ExecutorTap tap(ExecutorService executor, String name) {
        ExecutorTap tap = Taps.executor(executor, log, name);
        executors.add(tap);
        return tap;
    }

    @Override
    public List<Worker> all() {
        return List.copyOf(started);
    }

    @Override
    public DeliveryLog log() {
        return log;
    }

    @Override
    public WorkerOptions options() {
        return options;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    /** A worker the code under test started itself, inside this test's default worker context. */
    void adopt(Worker worker) {
        adopted.add(worker);
    }

    /** The workers the code under test started itself (not through this factory). */
    List<Worker> adopted() {
        return List.copyOf(adopted);
    }

    List<MessageChannel> channels() {
        return List.copyOf(channels);
    }

    List<ExecutorTap> executors() {
        return List.copyOf(executors);
    }

    @Override
    public String toString() {
        return "Workers[" + started.size() + " started, " + adopted.size() + " adopted, " + options + "]";
    }
}
