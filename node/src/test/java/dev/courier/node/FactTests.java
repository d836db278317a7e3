package dev.courier.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.node.internal.Fact;
import org.junit.jupiter.api.Test;

class FactTests {

    @Test
    void aFactLineIsReadWithItsFieldsAndError() {
        // GIVEN
        String line = "{\"k\":\"HANDLED\",\"id\":7,\"at\":\"main\",\"ok\":false,\"err\":{\"name\":\"TypeError\","
                + "\"message\":\"x is \\\"bad\\\"\",\"stack\":\"TypeError: x\\n    at /app/w.js:3:9\"},\"s\":12,\"t\":\"w#1\"}";

        // WHEN
        Fact fact = Fact.parse(line);

        // THEN
        assertThat(fact.seq()).isEqualTo(12);
        assertThat(fact.kind()).isEqualTo("HANDLED");
        assertThat(fact.thread()).isEqualTo("w#1");
        assertThat(fact.number("id", 0)).isEqualTo(7);
        assertThat(fact.flag("ok", true)).isFalse();
        assertThat(fact.error("err")).hasToString("TypeError: x is \"bad\"");
        assertThat(fact.error("err").where()).isEqualTo("/app/w.js:3:9");
    }

    @Test
    void malformedAndHostileLinesAreRefusedWithTheReason() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> Fact.parse("{\"k\":\"SENT\""))
                .hasMessageStartingWith("malformed JSON at offset 11: expected '}'");
        assertThatThrownBy(() -> Fact.parse("{\"k\":\"SENT\"}"))
                .hasMessageStartingWith("fact line lacks its kind \"k\" or sequence number \"s\"");
        assertThatThrownBy(() -> Fact.parse("[".repeat(10_000)))
                .hasMessageContaining("expected at most 32 levels of nesting");
        assertThatThrownBy(() -> Fact.parse("\"" + "x".repeat(Fact.MAX_LINE) + "\""))
                .hasMessageStartingWith("fact line of 65538 characters refused");
    }
}
