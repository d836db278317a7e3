package dev.courier.clone.internal;

import dev.courier.clone.DataCloneException;
import dev.courier.clone.MessageCodec;
import dev.courier.clone.TransferContext;
import dev.courier.clone.Transferable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Java serialization as a codec. Decoding always reads through {@link SerializationAllowlist}: JEP 290
 * limits, then the user's filter if given, then the classes and packages this (receiving) codec was told to
 * allow, then java.base value types. The wire form carries only bytes: what may be read is decided by the
 * receiving codec alone, never by anything in the message.
 *
 * <p>Thread contract: immutable, thread-safe.
 */
public final class JavaSerializationCodec implements MessageCodec {

    private final ObjectInputFilter userFilter;
    private final ObjectInputFilter named;
    private final String namedText;
    private final SerializationLimits limits;

    /** @param userFilter consulted after the limits and before the default allowlist; null for the allowlist alone */
    public JavaSerializationCodec(ObjectInputFilter userFilter) {
        this(userFilter, List.of());
    }

    /**
     * @param userFilter consulted after the limits and before the allowlist; null for none
     * @param allow      classes ({@code com.acme.Order}), packages ({@code com.acme.*}), package trees
     *                   ({@code com.acme.**}) to allow besides java.base value types, and limits
     *                   ({@code maxdepth=100}, {@code maxrefs=N}, {@code maxarray=N}, {@code maxbytes=N})
     */
    public JavaSerializationCodec(ObjectInputFilter userFilter, List<String> allow) {
        this.userFilter = userFilter;
        SerializationLimits set = SerializationLimits.defaults();
        List<String> patterns = new ArrayList<>();
        for (String entry : allow) {
            if (entry == null || entry.isBlank() || entry.contains(";") || entry.startsWith("!")) {
                throw new IllegalArgumentException("javaSerialization allow entry " + (entry == null ? "null"
                        : "\"" + entry + "\"") + " is not a class (com.acme.Order), a package (com.acme.*),"
                        + " a package tree (com.acme.**) or a limit (maxdepth=100)");
            }
            if (SerializationLimits.isLimit(entry)) {
                set = set.with(entry.trim());
            } else {
                patterns.add(entry.trim());
            }
        }
        this.limits = set;
        this.named = patterns.isEmpty() ? null : ObjectInputFilter.Config.createFilter(String.join(";", patterns));
        this.namedText = patterns.toString();
    }

    /** The wire form: the serialized bytes, nothing else (the allowlist is the receiver's). */
    public record SerializedForm(byte[] bytes) {
    }

    @Override
    public String name() {
        return "java-serialization";
    }

    @Override
    public Object encode(Object payload, TransferContext transfers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SerialStreams.Writer out = new SerialStreams.Writer(bytes, obj -> replace(obj, transfers))) {
            out.writeObject(payload);
            out.flush();
        } catch (NotSerializableException e) {
            String path = SerializationPathFinder.pathOf(payload, e.getMessage());
            throw new DataCloneException(path, e.getMessage(), "not Serializable, so Java serialization cannot"
                    + " encode it", "implement java.io.Serializable, mark the field transient, or use"
                    + " Codecs.structuredClone()", e);
        } catch (IOException e) {
            throw new DataCloneException("$", payload == null ? null : payload.getClass().getName(),
                    "Java serialization failed: " + e, "check the payload's writeObject methods", e);
        }
        return new SerializedForm(bytes.toByteArray());
    }

    private static Object replace(Object value, TransferContext transfers) {
        Object replacement = transfers.replacement(value);
        if (replacement != null) {
            return replacement;
        }
        if (value instanceof Transferable transferable) {
            if (transferable.transferOnly()) {
                throw new DataCloneException("$", value.getClass().getName(),
                        "a MessagePort found in the payload must be in the transfer list",
                        "pass it in postMessage's transfer list as well as in the payload");
            }
            return transferable.copyForClone();
        }
        return value;
    }

    @Override
    public Object decode(Object wire) throws IOException, ClassNotFoundException {
        if (!(wire instanceof SerializedForm form)) {
            throw new IllegalArgumentException("not produced by the Java serialization codec: "
                    + (wire == null ? "null" : wire.getClass().getName()));
        }
        byte[] bytes = form.bytes();
        if (bytes.length > limits.maxBytes()) {
            throw new InvalidObjectException("a serialized form of " + bytes.length + " bytes exceeds maxbytes="
                    + limits.maxBytes() + " of the Java serialization codec; raise it with"
                    + " Codecs.javaSerialization(\"maxbytes=N\", ...)");
        }
        SerializationAllowlist filter = new SerializationAllowlist(limits, bytes.length, named, userFilter);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        } catch (InvalidClassException e) {
            String rejected = filter.rejected();
            if (rejected == null) {
                throw e;
            }
            InvalidClassException clear = new InvalidClassException(rejected, filter.reason() != null
                    ? "rejected by the Java serialization codec's limits: " + filter.reason() + "; if the payload is"
                            + " genuine, raise the limit on the receiving codec, e.g. Codecs.javaSerialization(\""
                            + filter.reason().replaceAll(".*exceeds? (max[a-z]+)=.*", "$1") + "=N\", ...)"
                    : "rejected by the Java serialization allowlist (allowed: java.base value types and "
                            + (namedText.equals("[]") ? "no classes named by the receiving codec"
                            : "the receiving codec's " + namedText) + "); allow it on the receiving codec with"
                            + " Codecs.javaSerialization(\"" + rejected + "\") or its package with"
                            + " Codecs.javaSerialization(\"" + packagePattern(rejected) + "\")");
            clear.initCause(e);
            throw clear;
        }
    }

    private static String packagePattern(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(0, dot) + ".*";
    }
}
