/**
 * Structured clone, codecs and the fidelity diff. {@link dev.courier.clone.StructuredClone} copies a payload
 * with Node.js semantics (immutables shared, topology and concrete types kept, non-cloneable values refused
 * with a path); a {@link dev.courier.clone.MessageCodec} is how a payload crosses a port;
 * {@link dev.courier.clone.Fidelity} reports what a copy or a codec round trip changed.
 *
 * <p>Thread contract: the static entry points and the shipped codecs are stateless (per-class copy plans
 * are cached in thread-safe {@code ClassValue}s) and may be called from any thread at once; a copy runs on
 * the calling thread and never blocks. {@link dev.courier.clone.Difference},
 * {@link dev.courier.clone.CloneOptions} and {@link dev.courier.clone.DataCloneException} are immutable.
 */
package dev.courier.clone;
