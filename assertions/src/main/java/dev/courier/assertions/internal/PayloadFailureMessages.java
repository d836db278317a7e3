package dev.courier.assertions.internal;

import dev.courier.clone.DataCloneException;
import java.util.List;

/** The failure texts of the payload assertions. Stateless. */
public final class PayloadFailureMessages {

    private PayloadFailureMessages() {
    }

    /** The copy (or the encoding) threw. */
    public static String notCopied(String how, Object payload, RuntimeException error) {
        FailureText text = FailureText.of("Expecting the payload (" + className(payload) + ") to survive " + how
                + " but it could not be copied:");
        if (error instanceof DataCloneException clone) {
            text.items(List.of("at " + clone.path() + (clone.valueClass() == null ? "" : " (" + clone.valueClass()
                    + ")"), clone.getMessage()));
        } else {
            text.items(List.of(error.toString()));
        }
        return text.toString();
    }

    /** The codec could not decode its own encoding. */
    public static String notDecoded(String codec, Object payload, Exception error) {
        return FailureText.of("Expecting the payload (" + className(payload) + ") to survive a round trip through "
                + "codec `" + codec + "` but decoding its encoding failed:").items(List.of(error.toString()))
                .toString();
    }

    /** The comparator found differences between the payload and its copy. */
    public static String differs(String how, Object payload, List<String> differences) {
        return FailureText.of("Expecting the payload (" + className(payload) + ") to survive " + how
                + " unchanged but the copy differs in " + FailureText.count(differences.size(), "place") + ":")
                .items(differences).toString();
    }

    /** The payload was expected to be refused but was copied. */
    public static String cloneable(Object payload) {
        return "Expecting the payload (" + className(payload) + ") not to be cloneable but a structured clone "
                + "of it succeeded";
    }

    /** The copy failed, but not with a DataCloneException. */
    public static String otherFailure(Object payload, RuntimeException error) {
        return FailureText.of("Expecting the payload (" + className(payload) + ") to be refused with a "
                + "DataCloneException but the structured clone threw:").items(List.of(error.toString())).toString();
    }

    /** The clone failed at another path than expected. */
    public static String wrongPath(String expected, DataCloneException error) {
        return FailureText.of("Expecting the clone failure at " + expected + " but it was at " + error.path() + ":")
                .items(List.of(error.getMessage())).toString();
    }

    /** The clone failed on another class than expected. */
    public static String wrongClass(String expected, DataCloneException error) {
        return FailureText.of("Expecting the clone failure to be about a " + expected + " but it was about "
                + (error.valueClass() == null ? "no particular class" : "a " + error.valueClass()) + ":")
                .items(List.of(error.getMessage())).toString();
    }

    private static String className(Object payload) {
        return payload == null ? "null" : payload.getClass().getName();
    }
}
