package dev.courier.clone;

import dev.courier.clone.internal.FunctionCodec;
import dev.courier.clone.internal.JavaSerializationCodec;
import dev.courier.clone.internal.JsonLike;
import java.io.ObjectInputFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * The codecs Courier ships, and a one-line way to plug in any other.
 *
 * <pre>{@code
 * MessageCodec node = Codecs.structuredClone();                 // the ports' default
 * MessageCodec queue = Codecs.identity();                       // what a plain BlockingQueue does
 * MessageCodec serial = Codecs.javaSerialization(Order.class);  // JDK values + the classes you name
 * ObjectMapper mapper = new ObjectMapper();
 * MessageCodec json = Codecs.of("json", mapper::writeValueAsBytes,
 *         bytes -> mapper.readValue((byte[]) bytes, Order.class));
 * }</pre>
 *
 * <p>Thread contract: every codec returned here is stateless and thread-safe (a codec made with
 * {@link #of} is as thread-safe as its functions).
 */
public final class Codecs {

    private static final MessageCodec STRUCTURED_CLONE = structuredClone(CloneOptions.defaults());

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

    private static final MessageCodec JAVA_SERIALIZATION = new JavaSerializationCodec(null);

    private static final MessageCodec JSON_LIKE = new FunctionCodec("json-like", JsonLike::convert, wire -> wire);

    private Codecs() {
    }

    /** Node's semantics: a deep, topology-preserving copy at send ({@link StructuredClone}). The ports' default. */
    public static MessageCodec structuredClone() {
        return STRUCTURED_CLONE;
    }

    /** Structured clone within the given size limits. */
    public static MessageCodec structuredClone(CloneOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null (use CloneOptions.defaults())");
        }
        return new MessageCodec() {
            @Override
            public String name() {
                return "structured-clone";
            }

            @Override
            public Object encode(Object payload, TransferContext transfers) {
                return StructuredClone.copy(payload, transfers, options);
            }

            @Override
            public Object decode(Object wire) {
                return wire;
            }
        };
    }

    /**
     * Shares references, as a plain {@code BlockingQueue} does: the receiver sees the sender's objects.
     * Only a transferred root value is replaced by its stand-in. {@link MessageCodec#sharesReferences()}
     * is true, so ports can detect mutation in flight with {@link Fidelity#snapshot}.
     */
    public static MessageCodec identity() {
        return IDENTITY;
    }

    /**
     * Java serialization that reads back java.base value types only. Decoding always reads through an
     * allowlist kept by the receiving codec (never taken from the message): boxed values, String, Number,
     * Enum, throwables and stack trace elements of java.lang; java.util collections and concurrent
     * collections; java.time; java.math; arrays of those. Any other class is rejected with an
     * {@code InvalidClassException} naming it and saying how to allow it; its {@code readObject} never runs.
     * JEP 290 limits apply too: {@code maxdepth=20}, {@code maxrefs} and {@code maxarray} no more than the
     * serialized form's length, {@code maxbytes} the default clone byte limit; a stream over a limit is
     * rejected at once, naming the limit. A non-Serializable payload is a {@link DataCloneException} naming
     * the path of the offending object. Transient fields come back null or zero.
     */
    public static MessageCodec javaSerialization() {
        return JAVA_SERIALIZATION;
    }

    /**
     * Java serialization that also reads back the classes and packages named in {@code allow}: a class
     * ({@code "com.acme.Order"}), a package ({@code "com.acme.*"}) or a package and its subpackages
     * ({@code "com.acme.**"}). An entry may also set a limit: {@code "maxdepth=100"}, {@code "maxrefs=N"},
     * {@code "maxarray=N"}, {@code "maxbytes=N"}. Give the receiving side's codec the allowlist: that is the
     * one that decodes.
     *
     * @throws IllegalArgumentException for an entry that is none of these
     */
    public static MessageCodec javaSerialization(String... allow) {
        return new JavaSerializationCodec(null, List.of(allow));
    }

    /** Java serialization that also reads back exactly these classes (and arrays of them). */
    public static MessageCodec javaSerialization(Class<?>... allow) {
        List<String> names = new ArrayList<>();
        for (Class<?> type : allow) {
            if (type == null) {
                throw new IllegalArgumentException("javaSerialization allow classes must not be null");
            }
            names.add(type.getName());
        }
        return new JavaSerializationCodec(null, names);
    }

    /**
     * Java serialization with {@code filter} consulted after the limits: what it allows or rejects is final,
     * what it leaves {@code UNDECIDED} falls to the default allowlist of {@link #javaSerialization()}.
     */
    public static MessageCodec javaSerialization(ObjectInputFilter filter) {
        if (filter == null) {
            throw new IllegalArgumentException("filter must not be null (use javaSerialization() for the default)");
        }
        return new JavaSerializationCodec(filter);
    }

    /**
     * A codec from an encode and a decode function, e.g. Jackson:
     * {@code Codecs.of("json", mapper::writeValueAsBytes, b -> mapper.readValue((byte[]) b, Order.class))}.
     * An encoder failure becomes a {@link DataCloneException} (at {@code $}, with the cause); a decoder
     * failure propagates from {@code decode} (the runtime turns it into a {@code messageerror}).
     * Transfer lists are not consulted.
     */
    public static MessageCodec of(String name, ThrowingFunction<Object, ?> encoder, ThrowingFunction<Object, ?> decoder) {
        if (name == null || name.isBlank() || encoder == null || decoder == null) {
            throw new IllegalArgumentException("Codecs.of needs a name, an encoder and a decoder; got name="
                    + name + ", encoder=" + encoder + ", decoder=" + decoder);
        }
        return new FunctionCodec(name, encoder, decoder);
    }

    /**
     * What the incident write-ups' JSON fallback ({@code JSON.parse(JSON.stringify(x))}) does, as a
     * pure-JDK toy for fidelity demonstrations: objects and records become {@code Map<String, Object>},
     * collections and arrays {@code List}, numbers {@code Double}, dates, times, enums and UUIDs
     * {@code String}; lambdas and transient fields are dropped, aliasing is lost and cycles fail.
     * Comparing with {@link Fidelity} shows {@link DifferenceKind#TYPE_CHANGED} with paths.
     */
    public static MessageCodec jsonLike() {
        return JSON_LIKE;
    }
}
