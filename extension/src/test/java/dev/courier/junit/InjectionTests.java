package dev.courier.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.courier.history.DeliveryLog;
import dev.courier.junit.fixtures.InjectionFixture;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class InjectionTests {

    @BeforeEach
    void reset() {
        InjectionFixture.LOGS.clear();
    }

    @Test
    void parametersAndAnnotatedFieldsReceiveTheTestsOwnState() {
        // GIVEN a fixture injecting Workers, DeliveryLog and Probe as parameters and @CourierInject fields
        // WHEN it runs
        EngineExecutionResults results = FixtureRuns.run(InjectionFixture.class, Map.of());

        // THEN every test but the one with an injectable-less field passed, each with a log of its own
        assertThat(results.testEvents().succeeded().count()).isEqualTo(8);
        assertThat(InjectionFixture.LOGS).hasSize(8).containsKeys("shared-first", "shared-second",
                "repetition 1 of 2", "repetition 2 of 2");
        assertThat(new HashSet<DeliveryLog>(InjectionFixture.LOGS.values())).hasSize(InjectionFixture.LOGS.size());
    }

    @Test
    void aFieldOfAnotherTypeFailsNamingTheField() {
        // GIVEN a @CourierInject field of type List<String>
        // WHEN the fixture runs
        EngineExecutionResults results = FixtureRuns.run(InjectionFixture.class, Map.of());

        // THEN that test fails before it runs, naming the field and the injectable types
        assertThat(results.testEvents().failed().count()).isEqualTo(1);
        assertThat(FixtureRuns.failureOf(results))
                .hasMessageContaining("@CourierInject field " + InjectionFixture.class.getName()
                        + "$WrongFieldType.notInjectable has type java.util.List")
                .hasMessageContaining("injectable types are Workers, Probe and DeliveryLog");
        assertThat(InjectionFixture.LOGS).doesNotContainKey("wrong-field-type-ran");
    }
}
