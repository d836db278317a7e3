package dev.courier.assertions;

import static dev.courier.assertions.CourierAssertions.assertThatPayload;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.courier.clone.Codecs;
import dev.courier.clone.DataCloneException;
import dev.courier.clone.HostilePayloads;
import dev.courier.clone.MessageCodec;
import dev.courier.clone.TransferContext;
import dev.courier.history.PayloadComparator;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PayloadAssertionsTests {

    /** A codec that sends {@code String.valueOf} of the payload and cannot decode "broken". */
    private static final MessageCodec TO_STRING = new MessageCodec() {
        @Override
        public String name() {
            return "to-string";
        }

        @Override
        public Object encode(Object payload, TransferContext transfers) {
            if (payload instanceof Map<?, ?> map && map.containsKey("secret")) {
                throw new DataCloneException("$.secret", "app.Secret", "not exportable", "send an id instead");
            }
            return String.valueOf(payload);
        }

        @Override
        public Object decode(Object wire) throws IOException {
            if (wire.equals("broken")) {
                throw new IOException("truncated frame");
            }
            return wire;
        }
    };

    private static Map<String, Object> withCallback() {
        Runnable callback = () -> { };
        return Map.of("id", 7, "callback", callback);
    }


    @Test
    void nestedSetsOfObjectsSurviveCloneWithoutRunningForMinutes() {
        // GIVEN 40 levels of HashSet -> object -> HashSet, which made the comparison exponential
        Set<Object> root = HostilePayloads.nestedSetsOfObjects(40);
        // WHEN asserted THEN it ends and passes
        assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThatCode(() -> assertThatPayload(root).survivesClone()).doesNotThrowAnyException());
    }

    @Test
    void plainDataSurvivesCloneAndRoundTrip() {
        // GIVEN nested lists and maps
        List<Object> payload = new ArrayList<>(List.of(1, "two", Map.of("three", List.of(3.0))));

        // WHEN / THEN
        assertThatCode(() -> assertThatPayload(payload).comparedBy(PayloadComparator.equality()).survivesClone()
                .survivesRoundTrip(Codecs.structuredClone())).doesNotThrowAnyException();
    }

    @Test
    void payloadWithALambdaDoesNotSurviveCloneAndTheFailureNamesThePath() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> assertThatPayload(withCallback()).survivesClone())
                .hasMessageStartingWith("Expecting the payload (java.util.ImmutableCollections$MapN) to survive a "
                        + "structured clone but it could not be copied:\n"
                        + "  - at $.callback (dev.courier.assertions.PayloadAssertionsTests$$Lambda")
                .hasMessageContaining("\n  - cannot clone $.callback (");
    }

    @Test
    void notCloneablePassesAtTheRefusedPath() {
        // GIVEN / WHEN / THEN
        assertThatCode(() -> assertThatPayload(withCallback()).isNotCloneable().at("$.callback")
                .ofValueClass(withCallback().get("callback").getClass().getName())).doesNotThrowAnyException();
    }

    @Test
    void notCloneableAtAnotherPathFailsWithTheRefusal() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> assertThatPayload(withCallback()).isNotCloneable().at("$.jobs[2].callback"))
                .hasMessageStartingWith("Expecting the clone failure at $.jobs[2].callback but it was at $.callback:\n"
                        + "  - cannot clone $.callback (");
        assertThatThrownBy(() -> assertThatPayload(withCallback()).isNotCloneable().ofValueClass("java.lang.Thread"))
                .hasMessageStartingWith("Expecting the clone failure to be about a java.lang.Thread but it was about "
                        + "a dev.courier.assertions.PayloadAssertionsTests$$Lambda");
    }

    @Test
    void cloneablePayloadFailsIsNotCloneable() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> assertThatPayload(new ArrayList<>(List.of(1))).isNotCloneable().at("$"))
                .hasMessage("Expecting the payload (java.util.ArrayList) not to be cloneable but a structured clone "
                        + "of it succeeded");
    }

    @Test
    void lossyCodecFailsRoundTripWithTheComparatorsDifferences() {
        // GIVEN a list sent through a codec that turns it into text
        List<Integer> payload = new ArrayList<>(List.of(1, 2));

        // WHEN / THEN: a comparator that finds nothing lets it pass; the given comparator's text is reported
        assertThatCode(() -> assertThatPayload(payload).comparedBy((original, copy) -> List.of())
                .survivesRoundTrip(TO_STRING)).doesNotThrowAnyException();
        assertThatThrownBy(() -> assertThatPayload(payload).comparedBy(PayloadComparator.equality())
                .survivesRoundTrip(TO_STRING))
                .hasMessage("Expecting the payload (java.util.ArrayList) to survive a round trip through codec "
                        + "`to-string` unchanged but the copy differs in 1 place:\n"
                        + "  - $: TYPE_CHANGED expected java.util.ArrayList but was java.lang.String");
    }

    @Test
    void jsonLikeRoundTripFailsWithTheFidelityDifferenceAndItsPath() {
        // GIVEN a record holding a date, sent through the JSON-style codec
        Shipment payload = new Shipment("s-1", new java.util.Date(0));

        // WHEN / THEN the default comparison is Fidelity's, with the path of each difference
        assertThatThrownBy(() -> assertThatPayload(payload).survivesRoundTrip(Codecs.jsonLike()))
                .hasMessageContaining("to survive a round trip through codec `json-like` unchanged")
                .hasMessageContaining("$: TYPE_CHANGED expected " + Shipment.class.getName())
                .hasMessageContaining("$.when");
        assertThatCode(() -> assertThatPayload(payload).survivesClone()).doesNotThrowAnyException();
    }

    record Shipment(String id, java.util.Date when) {
    }

    @Test
    void codecFailuresAreReportedAtEncodeAndDecode() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> assertThatPayload("broken").survivesRoundTrip(TO_STRING))
                .hasMessage("Expecting the payload (java.lang.String) to survive a round trip through codec "
                        + "`to-string` but decoding its encoding failed:\n"
                        + "  - java.io.IOException: truncated frame");
        assertThatThrownBy(() -> assertThatPayload(Map.of("secret", 1)).survivesRoundTrip(TO_STRING))
                .hasMessage("Expecting the payload (java.util.ImmutableCollections$Map1) to survive a round trip "
                        + "through codec `to-string` but it could not be copied:\n"
                        + "  - at $.secret (app.Secret)\n"
                        + "  - cannot clone $.secret (app.Secret): not exportable. Hint: send an id instead");
    }

    @Test
    void nullPayloadFailsAsAssertJDoes() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> assertThatPayload(null).survivesClone())
                .hasMessageContaining("Expecting actual not to be null");
    }
}
