package dev.courier.fuzz.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WeightsTests {

    @Test
    void eachBucketHoldsItsWeightInConsecutiveTicketsInOrder() {
        // GIVEN buckets of 2, 1 and 3 tickets
        Weights weights = Weights.of(2, 1, 3);

        // WHEN / THEN tickets 0..5 fall in buckets 0, 0, 1, 2, 2, 2
        assertThat(weights.total()).isEqualTo(6);
        int[] buckets = new int[6];
        for (int ticket = 0; ticket < 6; ticket++) {
            buckets[ticket] = weights.bucket(ticket);
        }
        assertThat(buckets).containsExactly(0, 0, 1, 2, 2, 2);
    }

    @Test
    void ticketsOutsideTheTotalAndNonPositiveWeightsAreRefusedByName() {
        // GIVEN / WHEN / THEN
        assertThatThrownBy(() -> Weights.of(2, 1).bucket(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ticket 3 outside 0..2");
        assertThatThrownBy(() -> Weights.of(2, 1).bucket(-1)).hasMessage("ticket -1 outside 0..2");
        assertThatThrownBy(() -> Weights.of(2, 0)).hasMessage("weight 1 must be positive, was 0");
        assertThatThrownBy(Weights::of).hasMessage("at least one weight is needed");
    }
}
