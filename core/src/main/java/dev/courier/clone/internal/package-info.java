/**
 * Implementation of structured clone, the codecs and fidelity comparison: the copy engine and its copiers behind
 * {@code StructuredClone}, the Java-serialization and JSON-style codecs behind {@code Codecs}, and the walk behind
 * {@code Fidelity.compare}. Not API: the types here may change in any release; use {@link dev.courier.clone}.
 *
 * <p>Data flow: {@link dev.courier.clone.internal.CloneEngine} copies a payload iteratively (no recursion, so deep
 * graphs do not overflow the stack), asking {@link dev.courier.clone.internal.Handlers} for the copier of each
 * class; copiers get what they need through {@link dev.courier.clone.internal.CopyContext} and never the engine.
 * {@link dev.courier.clone.internal.FidelityWalker} compares two graphs on an explicit stack of
 * {@link dev.courier.clone.internal.PartPair}s; sets and keyed parts are compared by {@code SetComparison} and
 * {@code KeyedComparison}, which reach the walk through {@link dev.courier.clone.internal.WalkSteps}.
 *
 * <p>Glossary:
 * <ul>
 * <li><b>copier</b>: how one kind of value is copied (record, collection, map, array, plain object, JDK value).</li>
 * <li><b>identity table</b>: original → copy for every mutable object seen, so shared references and cycles are
 *     kept (C2); chunked so it stays young for the garbage collector.</li>
 * <li><b>path</b>: where a value sits in the payload, {@code $.jobs[2].callback}, built only when needed.</li>
 * <li><b>view</b>: a class's parts as the comparison sees them (fields, components, elements, entries).</li>
 * <li><b>shape hash</b>: a structural hash that buckets set elements and map keys before they are compared.</li>
 * <li><b>budget</b>: the steps a comparison may take before it stops with a clear error.</li>
 * </ul>
 *
 * <p>Thread contract: one copy or comparison runs on one thread with its own state; the per-class caches are
 * thread-safe.
 */
package dev.courier.clone.internal;
