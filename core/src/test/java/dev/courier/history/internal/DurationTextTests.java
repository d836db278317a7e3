package dev.courier.history.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTests {

    @Test
    void printsWholeSecondsInSecondsAndShortSpansInMilliseconds() {
        // GIVEN / WHEN / THEN
        assertThat(DurationText.of(Duration.ofSeconds(2))).isEqualTo("2 s");
        assertThat(DurationText.of(Duration.ofMillis(250))).isEqualTo("250 ms");
        assertThat(DurationText.of(Duration.ofMillis(1500))).isEqualTo("1500 ms");
        assertThat(DurationText.of(Duration.ofMillis(12_500))).isEqualTo("12.5 s");
        assertThat(DurationText.of(Duration.ofNanos(1_500_000))).isEqualTo("1.5 ms");
        assertThat(DurationText.of(Duration.ofNanos(400_000))).isEqualTo("0.4 ms");
        assertThat(DurationText.of(Duration.ZERO)).isEqualTo("0 ms");
        assertThat(DurationText.ofNanos(-2_000_000_000L)).isEqualTo("-2 s");
    }

    @Test
    void readsTheShortFormsBareMillisecondsAndIso8601InAnyCase() {
        // GIVEN the grammar every key and annotation uses
        // WHEN / THEN
        assertThat(DurationText.parse("x", "250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationText.parse("x", " 5s ")).isEqualTo(Duration.ofSeconds(5));
        assertThat(DurationText.parse("x", "5 S")).isEqualTo(Duration.ofSeconds(5));
        assertThat(DurationText.parse("x", "1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(DurationText.parse("x", "2h")).isEqualTo(Duration.ofHours(2));
        assertThat(DurationText.parse("x", "250")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationText.parse("x", "PT2S")).isEqualTo(Duration.ofSeconds(2));
        assertThat(DurationText.parse("x", "pt0.5s")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void anUnreadableTextNamesWhereItCameFromAndTheGrammar() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> DurationText.parse("system property courier.timeout.default", "soon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("system property courier.timeout.default: cannot read 'soon' as a duration; use e.g. "
                        + "250ms, 5s, 1m or PT5S");
        assertThatThrownBy(() -> DurationText.parse("x", "5 weeks")).hasMessageContaining("cannot read '5 weeks'");
        assertThatThrownBy(() -> DurationText.parse("x", "99999999999999999999s"))
                .hasMessageContaining("cannot read '99999999999999999999s'");
        assertThatThrownBy(() -> DurationText.parse("x", "")).hasMessageContaining("cannot read ''");
    }

    @Test
    void aZeroOrNegativeDurationIsRefusedInCouriersOwnFormat() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> DurationText.parse("x", "0s")).hasMessage("x must be positive, got 0 ms");
        assertThatThrownBy(() -> DurationText.parse("x", "PT-1S")).hasMessage("x must be positive, got -1 s");
    }
}
