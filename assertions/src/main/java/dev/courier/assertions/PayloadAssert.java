package dev.courier.assertions;

import dev.courier.assertions.internal.PayloadFailureMessages;
import dev.courier.assertions.internal.Verdict;
import dev.courier.clone.DataCloneException;
import dev.courier.clone.Difference;
import dev.courier.clone.Fidelity;
import dev.courier.clone.MessageCodec;
import dev.courier.clone.StructuredClone;
import dev.courier.clone.TransferContext;
import dev.courier.history.PayloadComparator;
import java.util.List;
import java.util.Objects;

/**
 * Assertions about whether a payload can cross a port: copied by the structured clone, or encoded and
 * decoded by a {@link MessageCodec}. A copy is compared with the original by {@link Fidelity#compare}
 * (type, value, order, aliasing, cycles and isolation, each difference with its path), or by the
 * comparator given to {@link #comparedBy(PayloadComparator)}.
 *
 * <p>Thread contract: used by one test thread; copying runs on it and never blocks.
 */
public class PayloadAssert extends AbstractCourierAssert<PayloadAssert, Object> {

    private static final PayloadComparator FIDELITY =
            (original, copy) -> Fidelity.compare(original, copy).stream().map(Difference::toString).toList();

    private PayloadComparator comparator = FIDELITY;

    public PayloadAssert(Object payload) {
        super(payload, PayloadAssert.class);
    }

    /**
     * Compares the original with its copy by {@code comparator} in the following checks. Like AssertJ's
     * {@code usingComparator}, it configures this assert and returns it.
     */
    public PayloadAssert comparedBy(PayloadComparator comparator) {
        this.comparator = Objects.requireNonNull(comparator, "comparator");
        return myself;
    }

    /** A structured clone of the payload succeeds and is faithful to the original. */
    public PayloadAssert survivesClone() {
        if (proceed()) {
            Object copy;
            try {
                copy = StructuredClone.copy(actual);
            } catch (RuntimeException e) {
                failWithText(PayloadFailureMessages.notCopied("a structured clone", actual, e));
                return myself;
            }
            compare("a structured clone", copy);
        }
        return myself;
    }

    /** Encoding with {@code codec} and decoding the result succeeds and is faithful to the original. */
    public PayloadAssert survivesRoundTrip(MessageCodec codec) {
        Objects.requireNonNull(codec, "codec");
        if (proceed()) {
            String how = "a round trip through codec `" + codec.name() + "`";
            Object wire;
            try {
                wire = codec.encode(actual, TransferContext.NONE);
            } catch (RuntimeException e) {
                failWithText(PayloadFailureMessages.notCopied(how, actual, e));
                return myself;
            }
            Object decoded;
            try {
                decoded = codec.decode(wire);
            } catch (Exception e) {
                failWithText(PayloadFailureMessages.notDecoded(codec.name(), actual, e));
                return myself;
            }
            compare(how, decoded);
        }
        return myself;
    }

    private void compare(String how, Object copy) {
        List<String> differences = comparator.compare(actual, copy);
        if (!differences.isEmpty()) {
            failWithText(PayloadFailureMessages.differs(how, actual, differences));
        }
    }

    /** A structured clone of the payload is refused; returns an assert over the {@link DataCloneException}. */
    public NotCloneableAssert isNotCloneable() {
        return navigate(NotCloneableAssert.class, DataCloneException.class, NotCloneableAssert::new, () -> {
            try {
                StructuredClone.copy(actual);
            } catch (DataCloneException e) {
                return Verdict.holds(e);
            } catch (RuntimeException e) {
                return Verdict.fails(null, PayloadFailureMessages.otherFailure(actual, e));
            }
            return Verdict.fails(null, PayloadFailureMessages.cloneable(actual));
        });
    }
}
