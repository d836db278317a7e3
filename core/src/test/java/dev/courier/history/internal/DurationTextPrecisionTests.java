package dev.courier.history.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationTextPrecisionTests {

    @Test
    void spansUnderATenthOfAMillisecondKeepThreeDecimalsAndLongerOnesOne() {
        // GIVEN spans just under and over a tenth of a millisecond, and under ten milliseconds
        // WHEN they are written  THEN the short ones keep microseconds, the longer a tenth of a millisecond
        assertThat(DurationText.ofNanos(12_345)).isEqualTo("0.012 ms");
        assertThat(DurationText.ofNanos(-12_345)).isEqualTo("-0.012 ms");
        assertThat(DurationText.ofNanos(123_456)).isEqualTo("0.1 ms");
        assertThat(DurationText.ofNanos(9_876_543)).isEqualTo("9.9 ms");
        assertThat(DurationText.ofNanos(12_345_678)).isEqualTo("12 ms");
        assertThat(DurationText.ofNanos(10_000_000_001L)).isEqualTo("10 s");
        assertThat(DurationText.ofNanos(12_345_678_901L)).isEqualTo("12.3 s");
        assertThat(DurationText.ofNanos(9_999_999_999L)).isEqualTo("10000 ms");
    }
}
