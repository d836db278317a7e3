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
import java.util.function.LongConsumer;
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
        return roundTrip(value, replace, Long.MAX_VALUE, size -> { });
    }

    /**
     * Serializes {@code value} and reads it back, the serialized form at most {@code maxBytes} long; its
     * length goes to {@code size} before it is read back.
     *
     * @throws UncheckedTooLarge as soon as the serialized form would pass {@code maxBytes}
     */
    static Object roundTrip(Object value, UnaryOperator<Object> replace, long maxBytes, LongConsumer size)
            throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new BoundedBytes(maxBytes);
        Writer writer = new Writer(bytes, replace);
        writer.writeObject(value);
        writer.flush();
        size.accept(bytes.size());
        try (Reader reader = new Reader(new ByteArrayInputStream(bytes.toByteArray()), writer.classes)) {
            return reader.readObject();
        }
    }

    /** The serialized form grew past its bound; {@link #written} says how far it got. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        final long written;

        TooLarge(long written) {
            super("serialized form passed " + written + " bytes");
            this.written = written;
        }
    }

    /** A byte sink that refuses to grow past its bound. */
    private static final class BoundedBytes extends ByteArrayOutputStream {
        private final long max;

        BoundedBytes(long max) {
            this.max = max;
        }

        @Override
        public synchronized void write(int b) {
            check(1);
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            check(len);
            super.write(b, off, len);
        }

        private void check(int more) {
            if ((long) count + more > max) {
                throw new UncheckedTooLarge(new TooLarge((long) count + more));
            }
        }
    }

    /** Carries {@link TooLarge} out of the unchecked write methods. */
    static final class UncheckedTooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UncheckedTooLarge(TooLarge cause) {
            super(cause);
        }

        TooLarge tooLarge() {
            return (TooLarge) getCause();
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
