/**
 * The JUnit Jupiter extension: {@link dev.courier.junit.CourierTest} (or
 * {@code @ExtendWith(CourierExtension.class)}, or a configured {@code @RegisterExtension}
 * {@link dev.courier.junit.CourierExtension}) gives each test its own {@link dev.courier.history.DeliveryLog},
 * a {@link dev.courier.junit.Workers} factory and {@link dev.courier.junit.Probe}s, and checks the test after it
 * ran: workers closed, no worker thread left alive, and (strict mode) no undeclared worker error, unhandled
 * message error or clone failure.
 *
 * <p>Options precedence, attribute by attribute: {@link dev.courier.junit.DeliveryOptions} on the method, on the
 * class, on enclosing classes of a {@code @Nested} class (innermost first), then the builder, then the
 * {@link dev.courier.junit.CourierConfig} configuration parameters or system properties, then built-in defaults.
 *
 * <p>Every test's state lives in its own {@code ExtensionContext.Store}, so tests may run in parallel, nested,
 * repeated or parameterized. In a {@code @FuzzTest} method the injected {@code Workers} and log are shared by all
 * tries of the property.
 */
package dev.courier.junit;
