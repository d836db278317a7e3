package dev.courier.clone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.courier.clone.internal.JavaSerializationCodec.SerializedForm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Java serialization codec on hostile streams: no code runs that nobody allowed, no hang, no heap exhaustion. */
class JavaSerializationHostileInputTests {

    private static final Duration HANG = Duration.ofSeconds(30);

    /** Counts its readObject calls: any count above zero means code ran on the receiver. */
    static final class Tripwire implements Serializable {
        private static final long serialVersionUID = 1L;
        static final AtomicInteger READS = new AtomicInteger();

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            READS.incrementAndGet();
            in.defaultReadObject();
        }
    }

    @Test
    void aUserClassNobodyAllowedNeverRunsItsReadObject() {
        // GIVEN a payload holding a user class with a readObject, and the default codec on the receiver
        MessageCodec codec = Codecs.javaSerialization();
        Object wire = codec.encode(List.of(new Tripwire()), TransferContext.NONE);
        int before = Tripwire.READS.get();

        // WHEN decoded THEN it is rejected by name and its readObject did not run
        assertThatThrownBy(() -> codec.decode(wire)).isInstanceOf(InvalidClassException.class)
                .hasMessageStartingWith(Tripwire.class.getName() + "; rejected by the Java serialization allowlist");
        assertThat(Tripwire.READS.get()).isEqualTo(before);
    }

    @Test
    void aFormForgedOnTheWireCannotWidenTheAllowlist() throws Exception {
        // GIVEN bytes of a user class wrapped in a form made by hand: the form has no room for an allowlist
        byte[] bytes = ((SerializedForm) Codecs.javaSerialization().encode(new Tripwire(), TransferContext.NONE)).bytes();
        SerializedForm forged = new SerializedForm(bytes);

        // WHEN decoded THEN the receiving codec's own allowlist decides
        assertThatThrownBy(() -> Codecs.javaSerialization().decode(forged)).isInstanceOf(InvalidClassException.class);
        assertThat(Codecs.javaSerialization(Tripwire.class).decode(forged)).isInstanceOf(Tripwire.class);
    }

    @Test
    void aNestedHashSetBombIsRejectedQuicklyByMaxDepth() {
        // GIVEN the classic 26-level nested HashSet stream, whose decoding hashes 2^26 times
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < 26; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("foo");
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        MessageCodec codec = Codecs.javaSerialization();
        Object wire = codec.encode(root, TransferContext.NONE);
        assertThat(((SerializedForm) wire).bytes().length).isLessThan(2_000);

        // WHEN decoded THEN it is refused at once, naming the limit and how to raise it
        assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(() -> codec.decode(wire))
                .isInstanceOf(InvalidClassException.class)
                .hasMessageContaining("rejected by the Java serialization codec's limits: nesting depth 21 exceeds"
                        + " maxdepth=20")
                .hasMessageContaining("Codecs.javaSerialization(\"maxdepth=N\", ...)"));
    }

    @Test
    void aCraftedHugeArrayLengthIsRejectedBeforeAnyAllocation() throws Exception {
        // GIVEN a serialized byte array whose length field says 0x7FFFFFF0
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(new byte[0x12345]);
        }
        byte[] honest = out.toByteArray();
        int at = indexOf(honest, new byte[] {0x00, 0x01, 0x23, 0x45});
        byte[] crafted = Arrays.copyOf(honest, at + 16);
        crafted[at] = 0x7F;
        crafted[at + 1] = (byte) 0xFF;
        crafted[at + 2] = (byte) 0xFF;
        crafted[at + 3] = (byte) 0xF0;

        // WHEN decoded THEN it is refused at once, without trying to allocate 2 GiB
        assertTimeoutPreemptively(HANG, () -> assertThatThrownBy(
                () -> Codecs.javaSerialization().decode(new SerializedForm(crafted)))
                .isInstanceOf(InvalidClassException.class)
                .hasMessageContaining("an array of length 2147483632 exceeds maxarray=" + crafted.length
                        + " (the serialized form has only " + crafted.length + " bytes)"));
    }

    @Test
    void limitsCanBeRaisedOnTheReceivingCodec() throws Exception {
        // GIVEN a chain 30 levels deep, past the default depth
        Object chain = List.of();
        for (int i = 0; i < 30; i++) {
            chain = List.of(chain);
        }
        Object wire = Codecs.javaSerialization().encode(chain, TransferContext.NONE);

        // WHEN / THEN the default refuses it and a codec allowing maxdepth=100 reads it back
        assertThatThrownBy(() -> Codecs.javaSerialization().decode(wire)).hasMessageContaining("maxdepth=20");
        assertThat(Codecs.javaSerialization("maxdepth=100").decode(wire)).isEqualTo(chain);
    }

    @Test
    void anEntryThatIsNeitherAClassNorALimitIsRefusedWithTheForms() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> Codecs.javaSerialization("com.acme.*;!*")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a class (com.acme.Order), a package (com.acme.*)");
        assertThatThrownBy(() -> Codecs.javaSerialization("maxdepth=lots")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> Codecs.javaSerialization("maxcats=3")).hasMessageContaining("unknown limit");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("length field not found");
    }
}
