package dev.courier.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.junit.internal.Layer;
import dev.courier.junit.internal.Layers;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigurationParsingTests {

    @Test
    void aBadDurationNamesWhereItCameFrom() {
        assertThatThrownBy(() -> resolve(Map.of(CourierConfig.DRAIN_TIMEOUT, "soon")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("configuration parameter courier.drain.timeout: cannot read 'soon' as a duration; use e.g. "
                        + "250ms, 5s, 1m or PT5S");
        assertThat(resolve(Map.of(CourierConfig.TIMEOUT_DEFAULT, "750")).timeout()).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void aBadEnumValueListsTheAllowedOnes() {
        assertThatThrownBy(() -> resolve(Map.of(CourierConfig.OVERFLOW, "inherit")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("configuration parameter courier.overflow must be one of BLOCK, DROP_NEWEST, DROP_OLDEST, "
                        + "FAIL, got 'inherit'");
        assertThatThrownBy(() -> resolve(Map.of(CourierConfig.STRICT, "yes")))
                .hasMessage("configuration parameter courier.strict must be true or false, got 'yes'");
    }

    @Test
    void configurationOverridesDefaultsAndTheBuilderOverridesConfiguration() {
        // GIVEN strict=false and a report dir configured, and a builder setting strict=true
        Map<String, String> config = Map.of(CourierConfig.STRICT, "false", CourierConfig.REPORT_DIR, "target/r");

        // THEN configuration applies over defaults, and the builder over configuration
        assertThat(resolve(config).strict()).isFalse();
        assertThat(resolve(config).reportDir()).hasToString("target/r");
        assertThat(Layers.resolve(Object.class, null, Layer.EMPTY.withStrict(true), key -> Optional.ofNullable(
                config.get(key))).strict()).isTrue();
    }

    @Test
    void anInvalidAnnotationCapacityNamesTheAnnotatedElement() {
        assertThatThrownBy(() -> Layers.resolve(BadCapacity.class, null, Layer.EMPTY, key -> Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("@DeliveryOptions on " + BadCapacity.class.getName() + ": capacity must be positive, 0 "
                        + "(unbounded) or -1 (inherit), was -5");
    }

    @Test
    void theBuilderIsImmutable() {
        CourierExtension.Builder base = CourierExtension.builder();
        CourierExtension.Builder strictOff = base.strict(false);
        assertThat(strictOff).isNotSameAs(base);
        assertThatThrownBy(() -> base.capacity(-1)).hasMessage("capacity must be 0 (unbounded) or positive, was -1");
    }

    @DeliveryOptions(capacity = -5)
    private static final class BadCapacity {
    }

    private static Layer resolve(Map<String, String> config) {
        return Layers.resolve(Object.class, null, Layer.EMPTY, key -> Optional.ofNullable(config.get(key)));
    }
}
