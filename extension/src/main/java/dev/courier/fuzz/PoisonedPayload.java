package dev.courier.fuzz;

import java.util.Objects;

/**
 * A payload the structured clone must reject, with where and why: the one non-cloneable value inside it sits at
 * {@code expectedPath} (in {@link dev.courier.clone.DataCloneException#path()} notation, e.g.
 * {@code $.body[2].value}) and has class {@code poisonType}.
 *
 * @param payload      the graph holding the poison
 * @param expectedPath the poison's path, starting at {@code $}
 * @param poisonType   the poison's concrete class (for a lambda, its hidden class)
 */
public record PoisonedPayload(Object payload, String expectedPath, Class<?> poisonType) {

    /** Validates that path and type are present. */
    public PoisonedPayload {
        Objects.requireNonNull(expectedPath, "expectedPath");
        Objects.requireNonNull(poisonType, "poisonType");
    }
}
