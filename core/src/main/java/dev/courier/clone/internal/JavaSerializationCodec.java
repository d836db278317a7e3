package dev.courier.clone.internal;

import dev.courier.clone.DataCloneException;
import dev.courier.clone.MessageCodec;
import dev.courier.clone.TransferContext;
import dev.courier.clone.Transferable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Java serialization as a codec. Decoding always goes through an allowlist filter: by default the
 * payload's own packages (recorded while encoding and carried with the bytes) plus java.base value
 * types; a user filter, when given, decides first and the allowlist decides what it leaves undecided.
 *
 * <p>Thread contract: stateless, thread-safe.
 */
public final class JavaSerializationCodec implements MessageCodec {

    private final ObjectInputFilter userFilter;

    /** @param userFilter consulted before the default allowlist; null for the allowlist alone */
    public JavaSerializationCodec(ObjectInputFilter userFilter) {
        this.userFilter = userFilter;
    }

    /** The wire form: the bytes and the packages of the payload's own classes. */
    public record SerializedForm(byte[] bytes, Set<String> packages) {
    }

    @Override
    public String name() {
        return "java-serialization";
    }

    @Override
    public Object encode(Object payload, TransferContext transfers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Set<String> packages = new HashSet<>();
        try (SerialStreams.Writer out = new SerialStreams.Writer(bytes, obj -> replace(obj, transfers))) {
            out.writeObject(payload);
            out.flush();
            for (Class<?> type : out.classes.values()) {
                Class<?> element = type;
                while (element.isArray()) {
                    element = element.getComponentType();
                }
                if (!JdkTypes.isJdk(element)) {
                    packages.add(element.getPackageName());
                }
            }
        } catch (NotSerializableException e) {
            String path = SerializationPathFinder.pathOf(payload, e.getMessage());
            throw new DataCloneException(path, e.getMessage(), "not Serializable, so Java serialization cannot"
                    + " encode it", "implement java.io.Serializable, mark the field transient, or use"
                    + " Codecs.structuredClone()", e);
        } catch (IOException e) {
            throw new DataCloneException("$", payload == null ? null : payload.getClass().getName(),
                    "Java serialization failed: " + e, "check the payload's writeObject methods", e);
        }
        return new SerializedForm(bytes.toByteArray(), Set.copyOf(packages));
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
        SerializationAllowlist filter = new SerializationAllowlist(form.packages(), userFilter);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(form.bytes()))) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        } catch (InvalidClassException e) {
            String rejected = filter.rejected();
            if (rejected == null) {
                throw e;
            }
            InvalidClassException clear = new InvalidClassException(rejected, "rejected by the Java serialization"
                    + " allowlist (allowed: the payload's own packages " + new java.util.TreeSet<>(form.packages())
                    + " and java.base value types); allow it with Codecs.javaSerialization("
                    + "ObjectInputFilter.Config.createFilter(\"" + packagePattern(rejected) + "\"))");
            clear.initCause(e);
            throw clear;
        }
    }

    private static String packagePattern(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(0, dot) + ".*";
    }
}
