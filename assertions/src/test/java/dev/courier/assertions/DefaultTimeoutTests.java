package dev.courier.assertions;

import static dev.courier.assertions.CourierAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(UnscaledTimeouts.class)
class DefaultTimeoutTests {

    private static final String PROPERTY = "courier.timeout.default";

    private final Recorder recorder = new Recorder();

    @AfterEach
    void restoreTheDefault() {
        CourierAssertions.resetDefaultTimeout();
        System.clearProperty(PROPERTY);
    }

    @Test
    void defaultIsFiveSeconds() {
        // GIVEN neither code nor property sets a timeout
        System.clearProperty(PROPERTY);

        // WHEN / THEN
        assertThat(CourierAssertions.defaultTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void propertyIsReadInEveryForm() {
        // GIVEN / WHEN / THEN
        String[][] cases = {{"250ms", "PT0.25S"}, {"3s", "PT3S"}, {"2m", "PT2M"}, {"1500", "PT1.5S"},
            {"PT2S", "PT2S"}, {" 40 MS ", "PT0.04S"}};
        for (String[] each : cases) {
            System.setProperty(PROPERTY, each[0]);
            assertThat(CourierAssertions.defaultTimeout()).as(each[0]).isEqualTo(Duration.parse(each[1]));
        }
    }

    @Test
    void unreadablePropertyNamesItselfAndTheValue() {
        // GIVEN
        System.setProperty(PROPERTY, "soon");

        // WHEN / THEN
        assertThatThrownBy(CourierAssertions::defaultTimeout)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("system property courier.timeout.default: cannot read 'soon' as a duration; use e.g. "
                        + "250ms, 5s, 1m or PT5S");
        System.setProperty(PROPERTY, "0s");
        assertThatThrownBy(CourierAssertions::defaultTimeout)
                .hasMessage("system property courier.timeout.default must be positive, got 0 ms");
    }

    @Test
    void valueSetInCodeWinsOverThePropertyUntilReset() {
        // GIVEN
        System.setProperty(PROPERTY, "3s");

        // WHEN
        CourierAssertions.setDefaultTimeout(Duration.ofMillis(700));

        // THEN
        assertThat(CourierAssertions.defaultTimeout()).isEqualTo(Duration.ofMillis(700));
        CourierAssertions.resetDefaultTimeout();
        assertThat(CourierAssertions.defaultTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThatThrownBy(() -> CourierAssertions.setDefaultTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("default timeout must be positive, got -1 ms");
    }

    @Test
    void waitsWithoutATimeoutUseTheDefault() {
        // GIVEN a message in flight and a default of 60 ms
        recorder.sent(1, 1, "main", "w#1");
        CourierAssertions.setDefaultTimeout(Duration.ofMillis(60));

        // WHEN / THEN both kinds of wait give up after the default
        assertThatThrownBy(() -> assertThat(recorder.log).eventually().deliveredExactlyOnce().check())
                .hasMessageContaining("Still not true after waiting 60 ms.");
        assertThatThrownBy(() -> assertThat(recorder.endpoint("w#1")).eventually().receivedExactly(1).check())
                .hasMessageStartingWith("Expecting `w#1` to receive exactly 1 message within 60 ms but it received 0\n"
                        + "Still not true after waiting 60 ms.");
    }

    @Test
    void valueScopedToAThreadWinsThereOnlyAndIsRestoredOnClose() throws Exception {
        // GIVEN a value set in code and a scope of 700 ms on this thread
        CourierAssertions.setDefaultTimeout(Duration.ofSeconds(2));
        try (TimeoutScope scope = CourierAssertions.useDefaultTimeoutOnThisThread(Duration.ofMillis(700))) {
            // WHEN another thread reads the default meanwhile
            CompletableFuture<Duration> elsewhere = CompletableFuture.supplyAsync(CourierAssertions::defaultTimeout);

            // THEN the scope applies on this thread only
            assertThat(CourierAssertions.defaultTimeout()).isEqualTo(Duration.ofMillis(700));
            assertThat(elsewhere.get(10, TimeUnit.SECONDS)).isEqualTo(Duration.ofSeconds(2));
        }
        // AND closing it restores the value set in code
        assertThat(CourierAssertions.defaultTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> CourierAssertions.useDefaultTimeoutOnThisThread(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
