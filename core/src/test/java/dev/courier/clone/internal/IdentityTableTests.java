package dev.courier.clone.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chunked identity table behind structured clone and Fidelity.compare. */
class IdentityTableTests {

    @Test
    void keysAreToldApartByIdentityNotByEquals() {
        // GIVEN two equal but distinct keys
        IdentityTable<String> table = new IdentityTable<>();
        String first = new String("key");
        String second = new String("key");

        // WHEN only the first is put
        assertThat(table.put(first, "one")).isNull();

        // THEN the second is not found, and a second put of the first replaces its value
        assertThat(table.get(first)).isEqualTo("one");
        assertThat(table.get(second)).isNull();
        assertThat(table.put(first, "uno")).isEqualTo("one");
        assertThat(table.get(first)).isEqualTo("uno");
        assertThat(table.size()).isEqualTo(1);
    }

    @Test
    void everyKeyIsFoundAfterTheTableGrewAcrossManyChunks() {
        // GIVEN more keys than several chunks hold
        IdentityTable<Integer> table = new IdentityTable<>();
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 300_000; i++) {
            Object key = new Object();
            keys.add(key);
            assertThat(table.put(key, i)).isNull();
        }

        // WHEN looked up THEN each key has its own value, and a key never put is absent
        for (int i = 0; i < keys.size(); i++) {
            assertThat(table.get(keys.get(i))).isEqualTo(i);
        }
        assertThat(table.get(new Object())).isNull();
        assertThat(table.size()).isEqualTo(300_000);
    }
}
