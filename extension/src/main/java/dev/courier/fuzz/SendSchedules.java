package dev.courier.fuzz;

import dev.courier.fuzz.SendSchedule.Burst;
import dev.courier.fuzz.SendSchedule.Sender;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Generators of {@link SendSchedule}s. Every part shrinks toward the simplest schedule: one sender, one burst of
 * one message at tick 0, listener added at once, an instant receiver, no restart.
 *
 * <p>Thread contract: the generators are stateless and may be shared.
 */
public final class SendSchedules {

    private static final int MAX_PAUSE = 4;
    private static final int MAX_BURST = 12;
    private static final int MAX_LISTENER_DELAY = 6;
    private static final int MAX_SLOWNESS = 3;
    private static final int MAX_RESTART_TICK = 12;

    private SendSchedules() {
    }

    /** Schedules of up to 3 senders and 100 messages, without restarts. */
    public static Gen<SendSchedule> any() {
        return gen(3, 100);
    }

    /** Schedules of 1 to {@code maxSenders} senders posting 1 to {@code maxMessages} messages in all. */
    public static Gen<SendSchedule> gen(int maxSenders, int maxMessages) {
        return schedules(maxSenders, maxMessages, false);
    }

    /** Like {@link #gen}, and sometimes terminating and restarting the worker at some tick. */
    public static Gen<SendSchedule> withRestarts(int maxSenders, int maxMessages) {
        return schedules(maxSenders, maxMessages, true);
    }

    private static Gen<SendSchedule> schedules(int maxSenders, int maxMessages, boolean restarts) {
        if (maxSenders < 1 || maxMessages < maxSenders) {
            throw new IllegalArgumentException("send schedules need 1 <= maxSenders <= maxMessages, got maxSenders "
                    + maxSenders + ", maxMessages " + maxMessages);
        }
        String description = (restarts ? "SendSchedules.withRestarts(" : "SendSchedules.gen(") + maxSenders + ", "
                + maxMessages + ")";
        return Gen.of(description, source -> {
            int senderCount = 1 + (int) source.choose(0, maxSenders - 1);
            int budget = (int) source.choose(senderCount, maxMessages) - senderCount;
            List<Sender> senders = new ArrayList<>();
            for (int i = 0; i < senderCount; i++) {
                int share = i == senderCount - 1 ? budget : (int) source.choose(0, budget);
                budget -= share;
                senders.add(source.draw(sender(share)));
            }
            int delay = (int) source.choose(0, MAX_LISTENER_DELAY);
            int slowness = source.flag(0.3) ? (int) source.choose(1, MAX_SLOWNESS) : 0;
            OptionalInt restart = restarts && source.flag(0.4)
                    ? OptionalInt.of((int) source.choose(0, MAX_RESTART_TICK)) : OptionalInt.empty();
            return new SendSchedule(senders, delay, slowness, restart);
        });
    }

    /** One sender with one required message plus up to {@code extra} more, in bursts. */
    private static Gen<Sender> sender(int extra) {
        return Gen.of("sender", source -> {
            List<Burst> bursts = new ArrayList<>();
            int left = extra + 1;
            while (left > 0) {
                int room = left;
                boolean first = bursts.isEmpty();
                Burst burst = source.draw(Gen.of("burst", s -> {
                    if (!first && !s.flag(1.0)) {
                        return null;
                    }
                    int pause = s.flag(0.6) ? (int) s.choose(1, MAX_PAUSE) : 0;
                    return new Burst(pause, 1 + (int) s.choose(0, Math.min(room, MAX_BURST) - 1));
                }));
                if (burst == null) {
                    break;
                }
                bursts.add(burst);
                left -= burst.count();
            }
            return new Sender(bursts);
        });
    }

    /** Provider of {@link #any()} for {@code @From(SendSchedules.Any.class)}. */
    public static final class Any implements GenProvider<SendSchedule> {
        /** Creates the provider. */
        public Any() {
        }

        @Override
        public Gen<SendSchedule> get() {
            return any();
        }
    }
}
