/**
 * Courier's property-based fuzzing on JUnit Jupiter.
 *
 * <p>Generators ({@link dev.courier.fuzz.Gen}, built with {@link dev.courier.fuzz.Gens}) draw every random
 * decision from a recorded {@link dev.courier.fuzz.Gen.ChoiceSource}; a failing case is shrunk by simplifying that
 * recorded choice sequence, so every composed generator shrinks without a custom shrinker. Properties run
 * programmatically ({@link dev.courier.fuzz.Fuzz#forAll(Gen)}) or as {@link dev.courier.fuzz.FuzzTest} methods;
 * runs are seeded, report their seed, and save failing cases to replay them first next time
 * ({@link dev.courier.fuzz.FuzzConfig}).
 *
 * <p>Shipped generators: {@link dev.courier.fuzz.Payloads} (cloneable object graphs with cycles and aliasing,
 * payloads with a buried non-cloneable value and its path, a user's own records and classes) and
 * {@link dev.courier.fuzz.SendSchedules} (timed send plans that {@link dev.courier.fuzz.ScheduleRun} runs
 * against a worker on a virtual clock).
 */
package dev.courier.fuzz;
