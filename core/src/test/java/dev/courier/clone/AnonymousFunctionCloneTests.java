package dev.courier.clone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * DESIGN C5 rejects lambdas and other functional objects: an anonymous class implementing a functional
 * interface is one (code plus what it captured); named classes and anonymous collections are data.
 */
class AnonymousFunctionCloneTests {

    /** A user interface with a single abstract method, not annotated. */
    interface Pricing {
        long price(long cents);
    }

    /** A named class implementing a functional interface: data with a name the receiver can know. */
    static final class Greeting implements Runnable {
        final String text;

        Greeting(String text) {
            this.text = text;
        }

        @Override
        public void run() {
        }
    }

    @Test
    void anAnonymousRunnableIsRejectedAtItsPath() {
        // GIVEN a payload holding new Runnable() { ... }
        Runnable callback = new Runnable() {
            @Override
            public void run() {
            }
        };
        Map<String, Object> payload = Map.of("callback", callback);

        // WHEN cloned THEN it is refused as a function, with the interface named and a hint
        assertThatThrownBy(() -> StructuredClone.copy(payload)).asInstanceOf(type(DataCloneException.class))
                .satisfies(e -> {
                    assertThat(e.path()).isEqualTo("$.callback");
                    assertThat(e.valueClass()).isEqualTo(callback.getClass().getName());
                    assertThat(e.problem()).isEqualTo("an anonymous class implementing the functional interface"
                            + " java.lang.Runnable is a function (code, with the variables and enclosing instance"
                            + " it captured), and functions cannot be cloned");
                    assertThat(e.hint()).contains("send data instead");
                });
    }

    @Test
    void anonymousFunctionsAndComparatorsAndUserSingleMethodInterfacesAreRejected() {
        // GIVEN anonymous implementations of Function, of a user single-method interface and of Comparator
        Function<String, Integer> length = new Function<>() {
            @Override
            public Integer apply(String s) {
                return s.length();
            }
        };
        Pricing pricing = new Pricing() {
            @Override
            public long price(long cents) {
                return cents;
            }
        };
        TreeSet<String> sorted = new TreeSet<>(new Comparator<String>() {
            @Override
            public int compare(String a, String b) {
                return b.compareTo(a);
            }
        });
        sorted.add("a");

        // WHEN / THEN each is refused at its path
        assertThatThrownBy(() -> StructuredClone.copy(Map.of("f", length))).hasMessageContaining("$.f")
                .hasMessageContaining("functional interface java.util.function.Function");
        assertThatThrownBy(() -> StructuredClone.copy(Map.of("p", pricing))).hasMessageContaining("$.p")
                .hasMessageContaining("functional interface " + Pricing.class.getName());
        assertThatThrownBy(() -> StructuredClone.copy(sorted)).hasMessageContaining("$.comparator()")
                .hasMessageContaining("functional interface java.util.Comparator");
    }

    @Test
    void aNamedClassImplementingAFunctionalInterfaceIsCopiedFieldByField() {
        // GIVEN a named Runnable class with state WHEN cloned THEN it is copied, faithfully
        Greeting greeting = new Greeting("hello");
        Greeting copy = StructuredClone.copy(greeting);
        assertThat(copy).isNotSameAs(greeting);
        assertThat(copy.text).isEqualTo("hello");
    }

    @Test
    @SuppressWarnings("serial")
    void aDoubleBraceMapIsStillData() {
        // GIVEN an anonymous HashMap subclass (double-brace initialisation): Map is not a functional interface
        Map<String, Integer> map = new HashMap<>() {
            {
                put("one", 1);
            }
        };

        // WHEN cloned THEN it is copied as the map it is, its class kept
        Map<String, Integer> copy = StructuredClone.copy(map);
        assertThat(copy).isNotSameAs(map).isEqualTo(Map.of("one", 1));
        assertThat(copy.getClass()).isSameAs(map.getClass());
    }
}
