/**
 * AssertJ assertions and bounded waiting over Courier's delivery history. Start from {@link
 * dev.courier.assertions.CourierAssertions} (or {@link dev.courier.assertions.CourierSoftAssertions});
 * every check asks a checker of {@code dev.courier.history.Checks} and formats its verdict with the
 * diagnosis, and every wait wakes on history appends and is bounded by a timeout.
 */
package dev.courier.assertions;
