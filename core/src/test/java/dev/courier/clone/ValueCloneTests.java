package dev.courier.clone;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Primitives, edge values, boxed values, dates and times: the battery's "primitive" categories. */
class ValueCloneTests {

    static Stream<Object> immutableValues() {
        return Stream.of(Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE, Double.MAX_VALUE, Float.NaN, -0.0f, Long.MIN_VALUE, Long.MAX_VALUE,
                Integer.MIN_VALUE, Integer.MAX_VALUE, (byte) -128, (short) 32767, 'x', '\0', '\uD800', true, false,
                "", "\0", "a\0b", "\uD800", "\uDC00x", "\uD83D\uDE00 astral", "ümlaut ß",
                new BigInteger("123456789012345678901234567890"), new BigDecimal("-0.000"),
                UUID.fromString("00000000-0000-0001-0000-000000000001"), TimeUnit.SECONDS,
                Instant.ofEpochSecond(-1, 5), LocalDate.of(1969, 12, 31), Duration.ofNanos(-1),
                ZonedDateTime.of(2024, 3, 31, 2, 30, 0, 0, ZoneId.of("Europe/Paris")), ZoneId.of("UTC"),
                new Samples.Point(1, -2, "p"), String.class);
    }

    @ParameterizedTest
    @MethodSource("immutableValues")
    void immutableValuesAreSharedNotCopied(Object value) {
        // GIVEN an immutable value WHEN it is cloned
        Object copy = StructuredClone.copy(value);

        // THEN the very same instance comes back, and fidelity sees no difference
        assertThat(copy).isSameAs(value);
        assertThat(Fidelity.compare(value, copy)).isEmpty();
    }

    @Test
    void nullClonesToNull() {
        // GIVEN / WHEN / THEN
        assertThat(StructuredClone.copy((Object) null)).isNull();
    }

    @Test
    void edgeValuesInsideContainersKeepTheirExactBits() {
        // GIVEN a list of floating point edge values
        List<Object> values = new java.util.ArrayList<>(List.of(Double.NaN, -0.0, 0.0f, -0.0f,
                Double.longBitsToDouble(0x7ff8000000000001L)));

        // WHEN it is cloned
        List<Object> copy = StructuredClone.copy(values);

        // THEN every element has the same bits, the signed zero included
        assertThat(copy).isNotSameAs(values);
        assertThat(Double.doubleToRawLongBits((Double) copy.get(1))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Double.doubleToRawLongBits((Double) copy.get(4))).isEqualTo(0x7ff8000000000001L);
        assertThat(Float.floatToRawIntBits((Float) copy.get(3))).isEqualTo(Float.floatToRawIntBits(-0.0f));
    }

    @Test
    void lonelySurrogatesAndNulCharactersSurviveInsideObjects() {
        // GIVEN an object holding awkward strings and chars
        char[] chars = {'\uDBFF', '\0', 'z'};
        Object[] payload = {"\uDBFF", "\0\0", "\uD83D\uDE00", chars};

        // WHEN it is cloned
        Object[] copy = StructuredClone.copy(payload);

        // THEN the text is identical, the char array a copy with the same content
        assertThat(copy).containsExactly("\uDBFF", "\0\0", "\uD83D\uDE00", copy[3]);
        assertThat((char[]) copy[3]).isNotSameAs(chars).containsExactly('\uDBFF', '\0', 'z');
    }

    @Test
    void datesAreCopiedWithTheirTime() {
        // GIVEN a mutable Date and a SQL timestamp with nanoseconds
        Date date = new Date(-1L);
        java.sql.Timestamp timestamp = new java.sql.Timestamp(1000L);
        timestamp.setNanos(123_456_789);

        // WHEN they are cloned
        Date dateCopy = StructuredClone.copy(date);
        java.sql.Timestamp timestampCopy = StructuredClone.copy(timestamp);

        // THEN each is a new object of the same class with the same instant
        assertThat(dateCopy).isNotSameAs(date).hasSameTimeAs(date);
        assertThat(timestampCopy).isNotSameAs(timestamp).isEqualTo(timestamp);
        assertThat(timestampCopy.getNanos()).isEqualTo(123_456_789);
    }

    @Test
    void optionalIsRebuiltAroundACopyAndSharedWhenItsValueIsImmutable() {
        // GIVEN an Optional of a mutable list and an Optional of a string
        Optional<List<String>> mutable = Optional.of(new java.util.ArrayList<>(List.of("a")));
        Optional<String> immutable = Optional.of("a");

        // WHEN both are cloned
        Optional<List<String>> mutableCopy = StructuredClone.copy(mutable);
        Optional<String> immutableCopy = StructuredClone.copy(immutable);

        // THEN the first wraps a new list, the second is shared
        assertThat(mutableCopy).isNotSameAs(mutable).contains(List.of("a"));
        assertThat(mutableCopy.orElseThrow()).isNotSameAs(mutable.orElseThrow());
        assertThat(immutableCopy).isSameAs(immutable);
    }

    @Test
    void atomicsAreCopiedWithTheirValue() {
        // GIVEN an atomic counter
        AtomicInteger counter = new AtomicInteger(41);

        // WHEN it is cloned and the original incremented
        AtomicInteger copy = StructuredClone.copy(counter);
        counter.incrementAndGet();

        // THEN the copy kept the value at clone time
        assertThat(copy.get()).isEqualTo(41);
    }
}
