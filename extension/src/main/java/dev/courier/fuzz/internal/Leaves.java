package dev.courier.fuzz.internal;

import dev.courier.fuzz.Gen;
import dev.courier.fuzz.Gens;
import dev.courier.fuzz.SampleColor;
import dev.courier.fuzz.SamplePoint;
import dev.courier.fuzz.SampleStamp;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * Immutable leaf values the structured clone shares: text over full Unicode, boxed primitives biased to
 * their edge values, big numbers, enums, {@code java.time} values, UUIDs and all-immutable records; and the
 * keys used for maps and sets. The first alternative of each is the simplest, so values shrink toward it.
 *
 * <p>Thread contract: constants of stateless generators, shared freely.
 */
final class Leaves {

    /** Strings of up to 12 code points, lone surrogates, NUL and astral ones included. */
    public static final Gen<String> STRINGS = Gens.strings(0, 12);
    /** Instants from year -9999 to 9999 (biased to the edges), nanoseconds included. */
    public static final Gen<Instant> INSTANTS = Gens.combine(Gens.longs(-315_537_897_600L, 253_402_300_799L),
            Gens.ints(0, 999_999_999), Instant::ofEpochSecond);
    /** Enum constants. */
    public static final Gen<SampleColor> COLORS = Gens.elements(SampleColor.values());
    /** UUIDs from two longs (so 0-0 and all-ones appear). */
    public static final Gen<UUID> UUIDS = Gens.combine(Gens.longs(), Gens.longs(), UUID::new);

    /** Any immutable leaf. */
    public static final Gen<Object> IMMUTABLE = Gens.oneOf(
            Gens.ints(), STRINGS, Gens.longs(), Gens.doubles(), Gens.booleans(), Gens.chars(),
            Gens.ints(Byte.MIN_VALUE, Byte.MAX_VALUE).map(Integer::byteValue),
            Gens.ints(Short.MIN_VALUE, Short.MAX_VALUE).map(Integer::shortValue),
            Gens.doubles().map(Double::floatValue),
            Gens.longs().map(BigInteger::valueOf).map(big -> big.multiply(BigInteger.TEN.pow(20)).add(big)),
            Gens.combine(Gens.longs(), Gens.ints(-40, 40), (unscaled, scale) -> BigDecimal.valueOf(unscaled, scale)),
            COLORS, INSTANTS, UUIDS,
            Gens.ints(-999_999, 999_999).map(days -> LocalDate.ofEpochDay(days)),
            INSTANTS.map(at -> LocalDateTime.ofInstant(at, ZoneOffset.UTC)),
            Gens.combine(INSTANTS, Gens.ints(-18 * 3600, 18 * 3600),
                    (at, offset) -> ZonedDateTime.ofInstant(at, ZoneOffset.ofTotalSeconds(offset))),
            Gens.combine(Gens.longs(), Gens.ints(0, 999_999_999), Duration::ofSeconds),
            Gens.combine(Gens.ints(), Gens.longs(), (x, y) -> new SamplePoint(x, y, Double.longBitsToDouble(y))),
            Gens.combine(COLORS, INSTANTS, (color, at) -> new SampleStamp(color, at, 'x'))
    ).describedAs("immutables");

    /** Map keys and hash/tree set elements: strings, some not identifier-like, so both path forms appear. */
    public static final Gen<String> KEYS = Gens.oneOf(
            Gens.elements("a", "b", "id", "x1", "_k", "$v"),
            Gens.elements("", "a b", "1x", "quote\"d", "back\\slash", "é", "\u0000"),
            STRINGS);

    private Leaves() {
    }
}
