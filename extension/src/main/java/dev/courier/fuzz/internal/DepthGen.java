package dev.courier.fuzz.internal;

import dev.courier.fuzz.Gen.ChoiceSource;


/** A generator that knows how deep inside user types it is, so recursive user types stay finite. */
@FunctionalInterface
interface DepthGen {

    /** A value at {@code depth} (0 for the type {@code Payloads.of} was called with). */
    Object generate(ChoiceSource source, int depth);
}
