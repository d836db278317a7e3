package dev.courier.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.courier.clone.Fidelity;
import dev.courier.clone.StructuredClone;
import dev.courier.fuzz.internal.ChoiceRecorder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.locks.Lock;
import org.junit.jupiter.api.Test;

class TypedPayloadsTests {

    enum Priority { LOW, HIGH }

    record Line(String sku, BigDecimal price, int[] counts) {
    }

    record Order(String id, int quantity, List<Line> lines, Optional<Instant> shipped, Map<String, Long> totals,
                 Priority priority, Order previous) {
    }

    static final class Account {
        private final String owner;
        private long balance;
        private List<String> tags;
        private Account parent;
        private Object note;

        Account(String owner) {
            this.owner = owner;
        }
    }

    record Locked(String name, Lock lock) {
    }

    private static <T> List<T> sample(Gen<T> gen, int count) {
        SplittableRandom random = new SplittableRandom(3);
        List<T> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(gen.generate(ChoiceRecorder.random(random.split())));
        }
        return values;
    }

    @Test
    void recordsAreBuiltThroughTheirCanonicalConstructorWithGeneratedComponents() {
        // GIVEN a generator of a user record with nested records, collections, Optional, enum and itself
        // WHEN 300 orders are generated
        List<Order> orders = sample(Payloads.of(Order.class), 300);

        // THEN components vary, nested records and self-references appear, and recursion ends
        assertThat(orders).extracting(Order::priority).contains(Priority.LOW, Priority.HIGH);
        assertThat(orders).anyMatch(order -> !order.lines().isEmpty() && order.lines().get(0).counts() != null);
        assertThat(orders).anyMatch(order -> order.shipped().isPresent()).anyMatch(order -> !order.totals().isEmpty());
        assertThat(orders).anyMatch(order -> order.previous() != null && order.previous().previous() != null);
        assertThat(orders.stream().map(Order::quantity).distinct().count()).isGreaterThan(100);
        assertThat(orders).extracting(Order::quantity).contains(0, Integer.MAX_VALUE);
    }

    @Test
    void plainClassesAreCreatedWithoutAConstructorAndFilledFieldByField() {
        // GIVEN a plain class with a private final field, a one-argument constructor only, and an Object field
        // WHEN accounts are generated and structured-cloned
        List<Account> accounts = sample(Payloads.of(Account.class), 300);

        // THEN every field is filled (final ones too), parents nest, and every account clones faithfully
        assertThat(accounts).anyMatch(account -> account.owner != null && !account.owner.isEmpty());
        assertThat(accounts).anyMatch(account -> account.balance != 0).anyMatch(account -> account.note != null);
        assertThat(accounts).anyMatch(account -> account.tags != null && !account.tags.isEmpty());
        assertThat(accounts).anyMatch(account -> account.parent != null && account.parent.parent != null);
        assertThat(accounts).allSatisfy(account ->
                assertThat(Fidelity.compare(account, StructuredClone.copy(account))).isEmpty());
    }

    @Test
    void anUnsupportedComponentTypeIsNamedWithItsComponent() {
        // GIVEN a record with a Lock component
        // WHEN a generator is asked for it
        // THEN it is refused at once, naming the component and its type
        assertThatThrownBy(() -> Payloads.of(Locked.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Payloads.of(" + Locked.class.getName() + ")")
                .hasMessageContaining("record component Locked.lock has type java.util.concurrent.locks.Lock,"
                        + " which cannot be generated");
    }

    @Test
    void jdkClassesAreRefused() {
        // GIVEN a JDK class, whose fields cannot be set without --add-opens
        // WHEN a generator is asked for it
        // THEN it is refused with the reason
        assertThatThrownBy(() -> Payloads.of(ArrayList.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.util.ArrayList) is not a concrete user record or class");
    }
}
