package dev.courier.fuzz;

/**
 * Two generated values, as produced by {@link Gens#pairs} and used by {@link Fuzz#forAll(Gen, Gen)}.
 *
 * @param first  the first value
 * @param second the second value
 * @param <A>    the first value's type
 * @param <B>    the second value's type
 */
public record Pair<A, B>(A first, B second) {

    @Override
    public String toString() {
        return "(" + first + ", " + second + ")";
    }
}
