package dev.courier.clone.internal;

import dev.courier.clone.DataCloneException;
import java.io.NotSerializableException;

/**
 * Copies a {@code Serializable} JDK type that has no handler of its own by a serialization round trip
 * (its private state cannot be read otherwise without {@code --add-opens}). Everything it holds is
 * copied by serialization rules, not clone rules.
 */
final class SerializationCopier implements CopyHandler {

    static final SerializationCopier INSTANCE = new SerializationCopier();

    private SerializationCopier() {
    }

    @Override
    public void start(Object original, PathNode path, Sink sink, CopyContext context) {
        Object copy;
        long[] written = new long[1];
        try {
            copy = SerialStreams.roundTrip(original, obj -> obj, context.remainingBytes(), size -> written[0] = size);
        } catch (SerialStreams.UncheckedTooLarge e) {
            context.account(path, original, e.tooLarge().written);
            throw new IllegalStateException("unreachable: the byte limit was passed", e);
        } catch (NotSerializableException e) {
            throw new DataCloneException(path.toString(), original.getClass().getName(),
                    "JDK type with no clone handler, copied by serialization, holds a non-serializable "
                            + e.getMessage(), "convert it to a collection, record or array of plain values", e);
        } catch (Exception e) {
            throw new DataCloneException(path.toString(), original.getClass().getName(),
                    "JDK type with no clone handler could not be copied by serialization: " + e,
                    "convert it to a collection, record or array of plain values", e);
        }
        // the serialized size stands for what the copy holds (a JDK value's real size, not a constant)
        context.account(path, original, 64L + written[0]);
        context.register(original, copy);
        sink.accept(copy);
    }
}
