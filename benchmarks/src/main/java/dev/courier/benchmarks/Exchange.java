package dev.courier.benchmarks;

import dev.courier.junit.Workers;
import dev.courier.worker.MessageChannel;
import dev.courier.worker.MessagePort;
import dev.courier.worker.Worker;
import dev.courier.worker.WorkerOptions;
import dev.courier.worker.WorkerScript;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Two user workers exchanging 20 messages over a channel: {@code pinger} sends 10 pings, {@code ponger} answers
 * each with a pong. One try of the interleaving benchmarks: start both, hand each a port, run the simulation.
 *
 * <p>Thread contract: one instance per try, on the thread that drives its simulation.
 */
final class Exchange {

    static final int PINGS = 10;

    final List<Object> pings = new ArrayList<>();
    final List<Object> pongs = new ArrayList<>();

    /** Starts both workers with {@code start} and hands them a channel made with {@code options}. */
    List<Worker> start(BiFunction<String, WorkerScript, Worker> start, WorkerOptions options) {
        Worker pinger = start.apply("pinger", ctx -> ctx.parentPort().onMessage(event -> {
            MessagePort port = event.ports().get(0);
            port.onMessage(pong -> pongs.add(pong.data()));
            for (int i = 1; i <= PINGS; i++) {
                port.postMessage(i);
            }
        }));
        Worker ponger = start.apply("ponger", ctx -> ctx.parentPort().onMessage(event -> {
            MessagePort port = event.ports().get(0);
            port.onMessage(ping -> {
                pings.add(ping.data());
                port.postMessage(ping.data());
            });
        }));
        MessageChannel channel = new MessageChannel(options);
        pinger.postMessage("port", List.of(channel.port1()));
        ponger.postMessage("port", List.of(channel.port2()));
        return List.of(pinger, ponger);
    }

    /** Starts both through a test's {@code workers}. */
    List<Worker> start(Workers workers) {
        return start(workers::start, workers.options());
    }

    /** The property: every ping answered, each side in its partner's send order. */
    void check() {
        if (pings.size() != PINGS || pongs.size() != PINGS || !pings.equals(pongs)) {
            throw new IllegalStateException("exchange broken: pings " + pings + ", pongs " + pongs);
        }
        for (int i = 0; i < PINGS; i++) {
            if (!pings.get(i).equals(i + 1)) {
                throw new IllegalStateException("pings out of order: " + pings);
            }
        }
    }
}
