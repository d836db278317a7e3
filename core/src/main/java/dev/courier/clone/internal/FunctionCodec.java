package dev.courier.clone.internal;

import dev.courier.clone.DataCloneException;
import dev.courier.clone.MessageCodec;
import dev.courier.clone.ThrowingFunction;
import dev.courier.clone.TransferContext;

/**
 * A codec made of an encode function and a decode function. Transfer lists are not consulted: such
 * codecs copy (or share) whatever their functions do.
 *
 * <p>Thread contract: as thread-safe as the two functions.
 */
public final class FunctionCodec implements MessageCodec {

    private final String name;
    private final ThrowingFunction<Object, ?> encoder;
    private final ThrowingFunction<Object, ?> decoder;

    public FunctionCodec(String name, ThrowingFunction<Object, ?> encoder, ThrowingFunction<Object, ?> decoder) {
        this.name = name;
        this.encoder = encoder;
        this.decoder = decoder;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Object encode(Object payload, TransferContext transfers) {
        try {
            return encoder.apply(payload);
        } catch (DataCloneException e) {
            throw e;
        } catch (Exception e) {
            throw new DataCloneException("$", payload == null ? null : payload.getClass().getName(),
                    "codec " + name + " could not encode the payload: " + e, "check what the " + name
                    + " encoder supports", e);
        }
    }

    @Override
    public Object decode(Object wire) throws Exception {
        return decoder.apply(wire);
    }

    @Override
    public String toString() {
        return "codec " + name;
    }
}
