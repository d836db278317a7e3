/**
 * Implementation of the JUnit extension: option layers and their parsing, the per-test run kept in the store,
 * the probe, the teardown checks and summary files. Not API.
 */
package dev.courier.junit.internal;
