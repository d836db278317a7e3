package dev.courier.clone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.courier.worker.TransferableBuffer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** maxBytes counts everything a clone copies, and the default limit keeps a clone inside the heap. */
class CloneLimitsTests {

    private static final long MIB = 1024 * 1024;

    @Test
    void aBufferInThePayloadButNotInTheTransferListCountsAgainstMaxBytes() {
        // GIVEN a 16 MiB buffer inside the payload, not transferred, and a 1 MiB limit
        Map<String, Object> payload = Map.of("frame", TransferableBuffer.allocate((int) (16 * MIB)));

        // WHEN cloned THEN the copy is refused before the buffer is copied, at the buffer's path
        assertThatThrownBy(() -> StructuredClone.copy(payload, CloneOptions.defaults().maxBytes(MIB)))
                .asInstanceOf(type(DataCloneException.class))
                .satisfies(e -> {
                    assertThat(e.path()).isEqualTo("$.frame");
                    assertThat(e.valueClass()).isEqualTo(TransferableBuffer.class.getName());
                    assertThat(e.problem()).startsWith("limit maxBytes = " + MIB + " exceeded");
                });
    }

    @Test
    void aSmallBufferInThePayloadStillClonesWithinTheLimit() {
        // GIVEN a 1 KiB buffer inside the payload and a 1 MiB limit
        TransferableBuffer buffer = TransferableBuffer.allocate(1024);
        buffer.put(3, (byte) 7);

        // WHEN cloned THEN it is copied into memory of its own
        TransferableBuffer copy = StructuredClone.copy(buffer, CloneOptions.defaults().maxBytes(MIB));
        assertThat(copy).isNotSameAs(buffer);
        assertThat(copy.get(3)).isEqualTo((byte) 7);
        assertThat(copy.array()).isNotSameAs(buffer.array());
    }

    @Test
    void aJdkValueCopiedThroughSerializationCountsItsRealSize() {
        // GIVEN a 4 Mi-character StringBuilder (a JDK value copied through serialization) and a 1 MiB limit
        StringBuilder text = new StringBuilder("x".repeat((int) (4 * MIB)));
        List<Object> payload = new ArrayList<>(List.of(text));

        // WHEN cloned THEN the limit stops it, at the value's path
        assertThatThrownBy(() -> StructuredClone.copy(payload, CloneOptions.defaults().maxBytes(MIB)))
                .asInstanceOf(type(DataCloneException.class))
                .satisfies(e -> {
                    assertThat(e.path()).isEqualTo("$[0]");
                    assertThat(e.valueClass()).isEqualTo(StringBuilder.class.getName());
                    assertThat(e.problem()).startsWith("limit maxBytes = " + MIB + " exceeded");
                });
    }

    @Test
    void aSmallJdkValueCopiedThroughSerializationStillClones() {
        // GIVEN a small StringBuilder WHEN cloned within a 1 MiB limit THEN it is copied
        StringBuilder copy = StructuredClone.copy(new StringBuilder("abc"), CloneOptions.defaults().maxBytes(MIB));
        assertThat(copy.toString()).isEqualTo("abc");
    }

    @Test
    void theDefaultByteLimitIsAQuarterOfTheHeapCappedAt512MiB() {
        // GIVEN / WHEN / THEN the default follows the heap it is given
        assertThat(CloneOptions.defaultMaxBytes(700_000_000L)).isEqualTo(175_000_000L);
        assertThat(CloneOptions.defaultMaxBytes(128 * MIB)).isEqualTo(32 * MIB);
        assertThat(CloneOptions.defaultMaxBytes(16L * 1024 * MIB)).isEqualTo(CloneOptions.DEFAULT_MAX_BYTES);
        assertThat(CloneOptions.defaultMaxBytes(Long.MAX_VALUE)).isEqualTo(CloneOptions.DEFAULT_MAX_BYTES);
        assertThat(CloneOptions.defaults().maxBytes())
                .isEqualTo(CloneOptions.defaultMaxBytes(Runtime.getRuntime().maxMemory()));
    }

    @Test
    void aPayloadTooLargeForASmallHeapIsRefusedNotAnOutOfMemoryError() throws Exception {
        // GIVEN a JVM with a 128 MiB heap holding a 70 MiB array (its copy would not fit)
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder launch = new ProcessBuilder(java.toString(), "-Xmx128m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), HeapLimitProbe.class.getName(), "70")
                .redirectErrorStream(true);

        // WHEN it clones the array with default options
        Process probe = launch.start();
        String output;
        try (InputStream out = probe.getInputStream()) {
            output = readAll(out);
        }
        boolean ended = probe.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            probe.destroyForcibly();
        }

        // THEN it is refused with a DataCloneException naming the heap-derived limit
        assertThat(ended).as("the probe JVM ended").isTrue();
        assertThat(output).startsWith("REFUSED cannot clone $ ([B): limit maxBytes = ")
                .contains("the default follows the heap: a quarter of -Xmx")
                .doesNotContain("OOM");
    }

    private static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
