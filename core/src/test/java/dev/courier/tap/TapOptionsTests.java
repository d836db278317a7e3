package dev.courier.tap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TapOptionsTests {

    @Test
    void everyOptionReturnsANewInstanceAndLeavesTheOriginalUnchanged() {
        // GIVEN the defaults
        TapOptions<Object> defaults = TapOptions.defaults();

        // WHEN every option is set
        TapOptions<String> configured = defaults.name("jobs").sender("producer").snapshotAtSend(true)
                .comparingWith((a, b) -> List.of()).keyedBy(String::length);

        // THEN the new instance has them and the defaults are untouched
        assertThat(configured).isNotSameAs(defaults);
        assertThat(configured.name()).isEqualTo("jobs");
        assertThat(configured.sender()).isEqualTo("producer");
        assertThat(configured.snapshotsAtSend()).isTrue();
        assertThat(configured.comparator()).isNotNull();
        assertThat(configured.key()).isNotNull();
        assertThat(defaults.name()).isNull();
        assertThat(defaults.sender()).isNull();
        assertThat(defaults.key()).isNull();
        assertThat(defaults.snapshotsAtSend()).isFalse();
        assertThat(defaults.comparator()).isNull();
    }

    @Test
    void blankNamesAndMissingFunctionsAreRejectedWithTheirName() {
        // GIVEN the defaults WHEN bad values are given THEN each is refused naming the option
        TapOptions<Object> defaults = TapOptions.defaults();
        assertThatThrownBy(() -> defaults.name("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("queue name must be a non-blank label, got \"\"");
        assertThatThrownBy(() -> defaults.sender(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sender must be a non-blank label, got null");
        assertThatThrownBy(() -> defaults.keyedBy(null)).hasMessage("keyExtractor");
        assertThatThrownBy(() -> defaults.comparingWith(null)).hasMessage("snapshotComparator");
    }
}
