package dev.courier.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.courier.assertions.CourierAssertions;
import dev.courier.clone.Codecs;
import dev.courier.clone.Difference;
import dev.courier.clone.DifferenceKind;
import dev.courier.clone.Fidelity;
import dev.courier.clone.MessageCodec;
import dev.courier.history.Anomaly;
import dev.courier.history.AnomalyKind;
import dev.courier.history.Checks;
import dev.courier.history.Diagnosis;
import dev.courier.history.PayloadComparator;
import dev.courier.junit.CourierTest;
import dev.courier.junit.Workers;
import dev.courier.worker.Worker;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * When a payload would not clone, a common "fix" is to fall back to {@code JSON.parse(JSON.stringify(x))}.
 * It never throws, but the receiver gets a plain map: the record type is gone, the {@code Date} is a
 * string and every number a double, so code downstream fails far from the cause (seed failure mode: JSON
 * fallback). Courier's {@link Fidelity} names each change with its path, and a fidelity check over the
 * history flags it. Fix: keep the structured clone codec and send types it preserves.
 */
@CourierTest
class JsonFallbackSampleTests {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final PayloadComparator STRUCTURAL = PayloadComparator.fidelity();

    /** One line of an order. */
    record Line(String sku, int quantity) {
    }

    /** The payload: a record with a date and nested records. */
    record Order(String id, Date placedAt, List<Line> lines) {
    }

    private static Order order() {
        return new Order("order-17", new Date(1_700_000_000_000L), List.of(new Line("sku-1", 2)));
    }

    @Test
    void jsonRoundTripChangesTheTypesAtNamedPaths() {
        // GIVEN an order
        Order order = order();
        // WHEN it goes through the JSON-like fallback
        List<Difference> differences = Fidelity.roundTrip(order, Codecs.jsonLike());
        // THEN every lost type is named with its path
        assertThat(differences).extracting(Difference::path, Difference::kind).containsExactly(
                tuple("$", DifferenceKind.TYPE_CHANGED),
                tuple("$.placedAt", DifferenceKind.TYPE_CHANGED),
                tuple("$.lines", DifferenceKind.TYPE_CHANGED),
                tuple("$.lines[0]", DifferenceKind.TYPE_CHANGED),
                tuple("$.lines[0].quantity", DifferenceKind.TYPE_CHANGED));
        assertThat(differences.get(0).expected()).isEqualTo(Order.class.getName());
        assertThat(differences.get(0).actual()).isEqualTo("java.util.LinkedHashMap");
        assertThat(differences.get(1)).hasToString(
                "$.placedAt: TYPE_CHANGED expected java.util.Date but was java.lang.String");
        assertThat(differences.get(4)).hasToString(
                "$.lines[0].quantity: TYPE_CHANGED expected java.lang.Integer but was java.lang.Double");
    }

    @Test
    void structuredCloneRoundTripHasNoDifferences() {
        // GIVEN the same order
        Order order = order();
        // WHEN it goes through structured clone
        List<Difference> differences = Fidelity.roundTrip(order, Codecs.structuredClone());
        // THEN nothing changed
        assertThat(differences).isEmpty();
    }

    @Test
    void workerUsingTheJsonLikeCodecReceivesAMapAndTheFidelityCheckFlagsIt(Workers workers) throws Exception {
        // GIVEN a billing worker whose port uses the JSON-like codec, with payloads retained for checking
        CompletableFuture<Object> received = new CompletableFuture<>();
        Worker billing = startBilling(workers, Codecs.jsonLike(), received);
        // WHEN main posts an order
        billing.postMessage(order());
        // THEN the worker gets a map with a string date, not the record
        Object data = received.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(data).isNotInstanceOf(Order.class).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) data).get("placedAt")).isInstanceOf(String.class);
        billing.close();
        // and Courier's fidelity check names what changed
        Diagnosis diagnosis = Checks.diagnose(workers.log().snapshot(), STRUCTURAL);
        assertThat(diagnosis.ofKind(AnomalyKind.FIDELITY)).singleElement().satisfies(anomaly -> {
            assertThat(anomaly.endpoint()).isEqualTo(billing.label());
            assertThat(anomaly.explanation()).startsWith("1 message delivered to `" + billing.label()
                    + "` differed from what was sent")
                    .contains("$: TYPE_CHANGED expected " + Order.class.getName() + " but was java.util.LinkedHashMap")
                    .contains("$.placedAt: TYPE_CHANGED expected java.util.Date but was java.lang.String");
            assertThat(anomaly.fix()).startsWith("make the payload survive the codec");
        });
        assertThatThrownBy(() -> CourierAssertions.assertThatPayload(order()).comparedBy(STRUCTURAL)
                .survivesRoundTrip(Codecs.jsonLike()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("$.placedAt: TYPE_CHANGED expected java.util.Date but was java.lang.String");
    }

    @Test
    void workerUsingStructuredCloneReceivesAnEqualRecord(Workers workers) throws Exception {
        // GIVEN the same worker on the default structured clone codec
        CompletableFuture<Object> received = new CompletableFuture<>();
        Worker billing = startBilling(workers, Codecs.structuredClone(), received);
        // WHEN main posts an order
        Order order = order();
        billing.postMessage(order);
        // THEN the worker gets an equal Order, and the fidelity check finds nothing
        assertThat(received.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(Order.class).isEqualTo(order);
        billing.close();
        assertThat(Checks.diagnose(workers.log().snapshot(), STRUCTURAL).failures())
                .extracting(Anomaly::toString).isEmpty();
        CourierAssertions.assertThatPayload(order).comparedBy(STRUCTURAL).survivesRoundTrip(Codecs.structuredClone());
    }

    private static Worker startBilling(Workers workers, MessageCodec codec, CompletableFuture<Object> received) {
        return workers.start(ctx -> ctx.parentPort().onMessage(e -> received.complete(e.data())),
                workers.options().name("billing").codec(codec).retainPayloads(true));
    }
}
