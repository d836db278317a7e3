package dev.courier.assertions;

import dev.courier.assertions.internal.PayloadFailureMessages;
import dev.courier.clone.DataCloneException;
import java.util.Objects;

/**
 * Assertions over the {@link DataCloneException} that refused a payload. Obtained from
 * {@link PayloadAssert#isNotCloneable()}.
 *
 * <p>Thread contract: used by one test thread.
 */
public class NotCloneableAssert extends AbstractCourierAssert<NotCloneableAssert, DataCloneException> {

    public NotCloneableAssert(DataCloneException error) {
        super(error, NotCloneableAssert.class);
    }

    /** The refusal names {@code path}, e.g. {@code $.callback} or {@code $.jobs[2].callback}. */
    public NotCloneableAssert at(String path) {
        Objects.requireNonNull(path, "path");
        if (proceed() && !path.equals(actual.path())) {
            failWithText(PayloadFailureMessages.wrongPath(path, actual));
        }
        return myself;
    }

    /** The refused value is of the class named {@code className}. */
    public NotCloneableAssert ofValueClass(String className) {
        Objects.requireNonNull(className, "className");
        if (proceed() && !className.equals(actual.valueClass())) {
            failWithText(PayloadFailureMessages.wrongClass(className, actual));
        }
        return myself;
    }
}
