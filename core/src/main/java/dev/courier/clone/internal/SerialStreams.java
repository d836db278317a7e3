package dev.courier.clone.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Java serialization used internally as a tool (copying JDK types with no public way in): the writer
 * remembers every class it writes, and the reader resolves and allows exactly those classes, from the
 * same class loaders, so nothing foreign can be read back.
 */
final class SerialStreams {

    private SerialStreams() {
    }

    /** Serializes {@code value} (objects passed through {@code replace}) and reads it back. */
    static Object roundTrip(Object value, UnaryOperator<Object> replace) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Writer writer = new Writer(bytes, replace);
        writer.writeObject(value);
        writer.flush();
        try (Reader reader = new Reader(new ByteArrayInputStream(bytes.toByteArray()), writer.classes)) {
            return reader.readObject();
        }
    }

    /** An object stream that records the classes it writes and can replace objects. */
    static final class Writer extends ObjectOutputStream {
        final Map<String, Class<?>> classes = new HashMap<>();
        private final UnaryOperator<Object> replace;

        Writer(OutputStream out, UnaryOperator<Object> replace) throws IOException {
            super(out);
            this.replace = replace;
            enableReplaceObject(true);
        }

        @Override
        protected void annotateClass(Class<?> type) {
            classes.put(type.getName(), type);
        }

        @Override
        protected Object replaceObject(Object obj) {
            return replace.apply(obj);
        }
    }

    /** An object stream that reads only the classes a {@link Writer} wrote. */
    static final class Reader extends ObjectInputStream {
        private final Map<String, Class<?>> classes;

        Reader(InputStream in, Map<String, Class<?>> classes) throws IOException {
            super(in);
            this.classes = classes;
            setObjectInputFilter(info -> info.serialClass() == null || classes.get(info.serialClass().getName())
                    == info.serialClass() ? ObjectInputFilter.Status.UNDECIDED : ObjectInputFilter.Status.REJECTED);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            Class<?> known = classes.get(desc.getName());
            return known != null ? known : super.resolveClass(desc);
        }
    }
}
