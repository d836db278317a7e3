package dev.courier.assertions.internal;

import java.util.Objects;
import org.assertj.core.description.Description;
import org.assertj.core.error.DescriptionFormatter;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.Representation;

/**
 * An already formatted failure text as AssertJ's {@link ErrorMessageFactory}: the assert's description
 * ({@code as(...)}) is prefixed, the text is never run through {@code String.format}, so labels and
 * payload renderings containing {@code %} survive. Immutable.
 */
public final class FailureMessage implements ErrorMessageFactory {

    private final String text;

    public FailureMessage(String text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    @Override
    public String create(Description description, Representation representation) {
        return DescriptionFormatter.instance().format(description) + text;
    }

    @Override
    public String create(Description description) {
        return create(description, null);
    }

    @Override
    public String create() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
