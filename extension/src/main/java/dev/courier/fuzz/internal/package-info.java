/** Implementation of the fuzzing engine: choice recording, generators, shrinking, runs, JUnit integration. */
package dev.courier.fuzz.internal;
