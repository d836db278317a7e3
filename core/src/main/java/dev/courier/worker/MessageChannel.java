package dev.courier.worker;

import dev.courier.history.DeliveryLog;
import dev.courier.history.EndpointNames;
import dev.courier.worker.internal.Dispatcher;
import dev.courier.worker.internal.Names;
import dev.courier.worker.internal.PortCore;
import java.util.Objects;

/**
 * Two linked ports, {@code <name>.port1} and {@code <name>.port2}, with a name unique within the log
 * ({@code channel-1}, {@code channel-2}, ...). Either port can be transferred into a worker through a
 * transfer list and used there.
 *
 * <p>Thread contract: safe to use from any thread. While no worker owns a port, its listeners run on the
 * channel's on-demand dispatcher thread {@code courier-channel-<name>}, which exists only while there is
 * something to deliver (under a {@code dev.courier.sim.Simulation}: as the simulation's steps, with no thread).
 */
public final class MessageChannel implements AutoCloseable {

    private final String name;
    private final DeliveryLog log;
    private final PortCore end1;
    private final MessagePort port1;
    private final MessagePort port2;

    /** A channel recording into a fresh log, with default port settings. */
    public MessageChannel() {
        this(WorkerOptions.defaults());
    }

    /** A channel recording into {@code log}, with default port settings. */
    public MessageChannel(DeliveryLog log) {
        this(WorkerOptions.defaults().log(Objects.requireNonNull(log, "log")));
    }

    /**
     * A channel with the port settings of {@code options}: log (or a fresh one on the scheduler's clock),
     * codec, listener policy, capacity, overflow, payload retention, block timeout, scheduler.
     */
    public MessageChannel(WorkerOptions options) {
        this.log = options.logOrFresh();
        this.name = Names.nextChannelName(log);
        Dispatcher dispatcher = new Dispatcher("courier-channel-" + name, EndpointNames.MAIN, options.scheduler(), () -> false);
        PortCore[] ends = PortCore.pair(name + ".port1", dispatcher, name + ".port2", dispatcher,
                options.portSettings(log));
        this.end1 = ends[0];
        this.port1 = new MessagePort(ends[0]);
        this.port2 = new MessagePort(ends[1]);
    }

    /** The first port's handle as created (detached once it is transferred: S9). */
    public MessagePort port1() {
        return port1;
    }

    /** The second port's handle as created (detached once it is transferred: S9). */
    public MessagePort port2() {
        return port2;
    }

    /** The channel's name, e.g. {@code channel-2}. */
    public String name() {
        return name;
    }

    public DeliveryLog log() {
        return log;
    }

    /** Closes both ports, wherever they were transferred (see {@link MessagePort#close()}). */
    @Override
    public void close() {
        end1.close();
    }

    @Override
    public String toString() {
        return "MessageChannel[" + name + "]";
    }
}
