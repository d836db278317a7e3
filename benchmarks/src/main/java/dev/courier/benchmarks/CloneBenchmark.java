package dev.courier.benchmarks;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import dev.courier.clone.StructuredClone;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.fory.Fory;
import org.apache.fory.config.Language;
import org.objenesis.strategy.StdInstantiatorStrategy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Deep copy of a 100-item object graph and of a 10,000-element list: structured clone against the
 * hand-written copy, Kryo's and Apache Fory's {@code copy()} and a Java serialization round trip, all in one run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CloneBenchmark {

    @Param({"graph100", "list10k"})
    public String shape;

    private Object payload;
    private Kryo kryo;
    private Fory fory;

    @Setup(Level.Trial)
    public void setUp() {
        payload = shape.equals("graph100") ? Catalog.ofSize(100) : integerList(10_000);
        kryo = new Kryo();
        kryo.setRegistrationRequired(false);
        kryo.setReferences(true);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        // Reference-tracking copy, like structured clone (shared and cyclic references kept).
        fory = Fory.builder().withLanguage(Language.JAVA).requireClassRegistration(false)
                .suppressClassRegistrationWarnings(true).withRefCopy(true).build();
    }

    private static List<Integer> integerList(int size) {
        List<Integer> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(i * 31);
        }
        return list;
    }

    @Benchmark
    public Object structuredClone() {
        return StructuredClone.copy(payload);
    }

    @Benchmark
    public Object handWritten() {
        if (payload instanceof Catalog catalog) {
            return catalog.handCopy();
        }
        // Integers are immutable: a new list holding the same elements is the complete copy.
        return new ArrayList<>((List<?>) payload);
    }

    @Benchmark
    public Object kryoCopy() {
        return kryo.copy(payload);
    }

    @Benchmark
    public Object foryCopy() {
        return fory.copy(payload);
    }

    @Benchmark
    public Object javaSerialization() throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(payload);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
