package dev.courier.fuzz.internal;

import dev.courier.fuzz.Gen;
import dev.courier.fuzz.Gen.ChoiceSource;
import java.util.List;

/**
 * Characters and strings over full Unicode: mostly ASCII (choice 0 is {@code 'a'}, so strings shrink to
 * "a", "aa", ...), but also any BMP code unit including lone surrogates, astral code points, and edge
 * values such as NUL, U+FFFF and the byte-order mark.
 */
public final class TextGens {

    private static final int[] EDGE_CODE_POINTS = {
        0x0000, 0xD800, 0xDFFF, 0xDBFF, 0xDC00, 0xFFFF, 0xFFFE, 0xFEFF, 0x10FFFF, 0x1F600, 0x0080, 0x00E9,
        '\n', ' ', '"', '\\'
    };

    private TextGens() {
    }

    /**
     * Code points in {@code [0, 0x10FFFF]}, surrogate code points included. Choices are [mode, edge index,
     * k] with one mapping from k to code point in every mode (k below 128 is ASCII rotated to start at 'a'), so
     * mode and edge index only steer random generation.
     */
    public static Gen<Integer> codePoints() {
        return Gen.of("codePoints()", source -> codePoint(source, Character.MAX_CODE_POINT));
    }

    /** UTF-16 code units (BMP), lone surrogates included; drawn like {@link #codePoints()}. */
    public static Gen<Character> chars() {
        return Gen.of("chars()", source -> (char) codePoint(source, 0xFFFF));
    }

    private static int codePoint(ChoiceSource source, int maxCodePoint) {
        long mode = source.choose(0, 15);
        int edge = EDGE_CODE_POINTS[(int) source.choose(0, EDGE_CODE_POINTS.length - 1)];
        long k;
        if (mode >= 13) {
            k = source.chooseBiased(0, maxCodePoint, Math.min(edge, maxCodePoint) < 128
                    ? (Math.min(edge, maxCodePoint) - 'a' + 128) % 128 : Math.min(edge, maxCodePoint));
        } else {
            k = source.choose(0, mode < 8 ? 127 : mode < 11 ? 0xFFFF : maxCodePoint);
        }
        return k < 128 ? (int) ((k + 'a') % 128) : (int) k;
    }

    /** Strings of {@code minLength..maxLength} code points drawn from {@code codePoints}. */
    public static Gen<String> strings(Gen<Integer> codePoints, int minLength, int maxLength) {
        String description = "strings(" + minLength + ", " + maxLength + ")";
        Gen<List<Integer>> points = CollectionGens.lists(codePoints, minLength, maxLength);
        return Gen.of(description, source -> {
            StringBuilder text = new StringBuilder();
            for (int codePoint : source.draw(points)) {
                text.appendCodePoint(codePoint);
            }
            return text.toString();
        });
    }
}
