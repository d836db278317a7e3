package dev.courier.clone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.courier.clone.internal.JavaSerializationCodec.SerializedForm;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The shipped codecs: identity, structured clone with limits, Java serialization, plug-in and JSON-style. */
class CodecTests {

    @Test
    void onlyTheIdentityCodecSharesReferences() {
        // GIVEN / WHEN / THEN
        assertThat(Codecs.identity().sharesReferences()).isTrue();
        assertThat(Codecs.structuredClone().sharesReferences()).isFalse();
        assertThat(Codecs.javaSerialization().sharesReferences()).isFalse();
        assertThat(Codecs.jsonLike().sharesReferences()).isFalse();
    }

    @Test
    void structuredCloneCodecAppliesItsOptions() {
        // GIVEN a codec limited to two objects
        MessageCodec codec = Codecs.structuredClone(CloneOptions.defaults().maxObjects(2));

        // WHEN / THEN a payload of three mutable objects is refused at encode
        assertThatThrownBy(() -> codec.encode(List.of(new ArrayList<>(), new ArrayList<>()), TransferContext.NONE))
                .isInstanceOf(DataCloneException.class).hasMessageContaining("limit maxObjects = 2 exceeded");
    }

    @Test
    void javaSerializationRoundTripsJdkCollectionsAndPayloadClasses() throws Exception {
        // GIVEN a payload mixing user records and JDK collections
        Map<String, Object> payload = new HashMap<>();
        payload.put("order", FidelityTests.order());
        payload.put("counts", new ConcurrentHashMap<>(Map.of("a", 1)));
        payload.put("set", Set.of(1L, 2L));
        MessageCodec codec = Codecs.javaSerialization(Samples.Order.class, Samples.Item.class);

        // WHEN it is encoded and decoded
        Object decoded = codec.decode(codec.encode(payload, TransferContext.NONE));

        // THEN nothing differs
        assertThat(Fidelity.compare(payload, decoded)).isEmpty();
    }

    @Test
    void aSerializableClassOutsideTheAllowlistIsRejectedWithAClearError() {
        // GIVEN a payload holding a java.net.URI, which is Serializable but not a java.base value type
        MessageCodec codec = Codecs.javaSerialization();
        Object wire = codec.encode(new ArrayList<>(List.of(URI.create("https://example.org"))), TransferContext.NONE);

        // WHEN / THEN decoding rejects it, naming the class and how to allow it
        assertThatThrownBy(() -> codec.decode(wire)).isInstanceOf(InvalidClassException.class)
                .hasMessage("java.net.URI; rejected by the Java serialization allowlist (allowed: java.base value"
                        + " types and no classes named by the receiving codec); allow it on the receiving codec with"
                        + " Codecs.javaSerialization(\"java.net.URI\") or its package with"
                        + " Codecs.javaSerialization(\"java.net.*\")");
    }

    @Test
    void aUserFilterCanAllowMoreClasses() throws Exception {
        // GIVEN a codec whose filter allows java.net
        MessageCodec codec = Codecs.javaSerialization(ObjectInputFilter.Config.createFilter("java.net.*"));

        // WHEN a URI is sent through it
        Object decoded = codec.decode(codec.encode(URI.create("https://example.org"), TransferContext.NONE));

        // THEN it arrives
        assertThat(decoded).isEqualTo(URI.create("https://example.org"));
    }

    @Test
    void thePayloadsOwnClassesAreNotAllowedUnlessTheReceivingCodecNamesThem() throws Exception {
        // GIVEN a user class serialized by a codec that does not name it, and one that does
        MessageCodec plain = Codecs.javaSerialization();
        MessageCodec naming = Codecs.javaSerialization("dev.courier.clone.Samples$Session");
        Object wire = plain.encode(new Samples.Session("ada", "t", 1), TransferContext.NONE);

        // WHEN / THEN only the codec that names it reads it back; the wire carries nothing but bytes
        assertThatThrownBy(() -> plain.decode(wire)).isInstanceOf(InvalidClassException.class)
                .hasMessageStartingWith("dev.courier.clone.Samples$Session; rejected by the Java serialization"
                        + " allowlist (allowed: java.base value types and no classes named by the receiving codec)");
        assertThat(naming.decode(wire)).isInstanceOf(Samples.Session.class);
        assertThat(SerializedForm.class.getRecordComponents()).extracting(c -> c.getName()).containsExactly("bytes");
    }

    @Test
    void aNonSerializableValueIsReportedWithItsPath() {
        // GIVEN serializable jobs, the third holding a non-serializable lambda
        List<Samples.Job> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            jobs.add(new Samples.Job("job" + i, i == 2 ? () -> { } : null));
        }
        Map<String, Object> payload = new HashMap<>(Map.of("jobs", jobs));

        // WHEN / THEN encoding fails at the lambda's path
        assertThatThrownBy(() -> Codecs.javaSerialization().encode(payload, TransferContext.NONE))
                .asInstanceOf(type(DataCloneException.class))
                .satisfies(e -> {
                    assertThat(e.path()).isEqualTo("$.jobs[2].callback");
                    assertThat(e.getMessage()).contains("not Serializable, so Java serialization cannot encode it."
                            + " Hint: implement java.io.Serializable, mark the field transient, or use"
                            + " Codecs.structuredClone()");
                });
    }

    @Test
    void anyEncoderAndDecoderPairPlugsInAsACodec() throws Exception {
        // GIVEN a codec made of two functions, one of which declares a checked exception
        MessageCodec utf8 = Codecs.of("utf8", value -> ((String) value).getBytes(StandardCharsets.UTF_8),
                wire -> new String((byte[]) wire, StandardCharsets.UTF_8));

        // WHEN text goes through it, and then something the encoder cannot handle
        Object back = utf8.decode(utf8.encode("héllo", TransferContext.NONE));

        // THEN text survives and the failure is a clone error naming the codec
        assertThat(utf8.name()).isEqualTo("utf8");
        assertThat(back).isEqualTo("héllo");
        assertThatThrownBy(() -> utf8.encode(42, TransferContext.NONE)).isInstanceOf(DataCloneException.class)
                .hasMessageStartingWith("cannot clone $ (java.lang.Integer): codec utf8 could not encode the payload:"
                        + " java.lang.ClassCastException");
        assertThatThrownBy(() -> Codecs.of("", v -> v, v -> v)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Codecs.of needs a name, an encoder and a decoder; got name=, ");
    }

    @Test
    void theJsonStyleCodecDropsFunctionsAndRefusesCycles() throws Exception {
        // GIVEN a job with a lambda, and a ring
        Samples.Job job = new Samples.Job("send", () -> { });
        Samples.Node ring = new Samples.Node(1);
        ring.next = ring;
        MessageCodec json = Codecs.jsonLike();

        // WHEN / THEN the function disappears and the cycle fails like JSON.stringify
        assertThat(json.decode(json.encode(job, TransferContext.NONE))).isEqualTo(Map.of("name", "send"));
        assertThatThrownBy(() -> json.encode(ring, TransferContext.NONE)).isInstanceOf(DataCloneException.class)
                .hasMessageStartingWith("cannot clone $.next (dev.courier.clone.Samples$Node): Converting circular"
                        + " structure to JSON");
    }
}
