package dev.courier.history.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongIntMapTests {

    @Test
    void eachKeyIsInternedOnceAtTheNextIndexAndFoundThere() {
        // GIVEN a map sized for 2 keys
        LongIntMap map = new LongIntMap(2);

        // WHEN three keys are interned, one of them twice
        int first = map.intern(42);
        int second = map.intern(-7);
        int again = map.intern(42);
        int third = map.intern(0);

        // THEN indexes count from 0 in first-seen order, a repeat keeps its index, and each key is found
        assertThat(first).isZero();
        assertThat(second).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(third).isEqualTo(2);
        assertThat(map.size()).isEqualTo(3);
        assertThat(map.find(42)).isZero();
        assertThat(map.find(-7)).isEqualTo(1);
        assertThat(map.find(0)).isEqualTo(2);
        assertThat(map.keyAt(0)).isEqualTo(42L);
        assertThat(map.keyAt(1)).isEqualTo(-7L);
        assertThat(map.keyAt(2)).isZero();
    }

    @Test
    void aKeyNeverInternedIsNotFound() {
        // GIVEN a map holding keys 1..20
        LongIntMap map = new LongIntMap(4);
        for (long key = 1; key <= 20; key++) {
            map.intern(key);
        }

        // WHEN keys outside that range are looked up  THEN none is found
        for (long key = 21; key <= 200; key++) {
            assertThat(map.find(key)).as("key %d", key).isNegative();
        }
        assertThat(map.find(-1)).isNegative();
        assertThat(map.find(Long.MIN_VALUE)).isNegative();
    }

    @Test
    void tenThousandRandomKeysSurviveEveryGrowthWithTheirIndexes() {
        // GIVEN a map sized for one key and a model of what it should hold
        LongIntMap map = new LongIntMap(1);
        Map<Long, Integer> model = new HashMap<>();
        SplittableRandom random = new SplittableRandom(22);

        // WHEN 10,000 random keys (with repeats, and keys that differ only in high bits) are interned
        for (int i = 0; i < 10_000; i++) {
            long key = i % 3 == 0 ? (long) random.nextInt(500) << 40 : random.nextLong(5_000);
            int index = map.intern(key);
            Integer expected = model.putIfAbsent(key, model.size());
            assertThat(index).as("intern of key %d", key).isEqualTo(expected == null ? model.size() - 1 : expected);
        }

        // THEN every key is found at its index, and every index gives back its key
        assertThat(map.size()).isEqualTo(model.size());
        model.forEach((key, index) -> {
            assertThat(map.find(key)).as("find %d", key).isEqualTo(index);
            assertThat(map.keyAt(index)).isEqualTo(key);
        });
        for (long absent = 5_000; absent < 5_500; absent++) {
            assertThat(map.find(absent)).isNegative();
        }
    }
}
