package dev.courier.clone;

/** The codecs Courier ships. */
public final class Codecs {

    private static final MessageCodec STRUCTURED_CLONE = new MessageCodec() {
        @Override
        public String name() {
            return "structured-clone";
        }

        @Override
        public Object encode(Object payload, TransferContext transfers) {
            return StructuredClone.copy(payload, transfers);
        }

        @Override
        public Object decode(Object wire) {
            return wire;
        }
    };

    private static final MessageCodec IDENTITY = new MessageCodec() {
        @Override
        public String name() {
            return "identity";
        }

        @Override
        public Object encode(Object payload, TransferContext transfers) {
            Object replacement = transfers.replacement(payload);
            return replacement == null ? payload : replacement;
        }

        @Override
        public Object decode(Object wire) {
            return wire;
        }

        @Override
        public boolean sharesReferences() {
            return true;
        }
    };

    private Codecs() {
    }

    /** Node's semantics: a deep, topology-preserving copy at send. The ports' default. */
    public static MessageCodec structuredClone() {
        return STRUCTURED_CLONE;
    }

    /** Shares references, as a plain {@code BlockingQueue} does: the receiver sees the sender's objects. */
    public static MessageCodec identity() {
        return IDENTITY;
    }
}
