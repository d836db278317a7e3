package dev.courier.junit;

/** {@link DeliveryOptions#codec()}: how payloads cross, or {@link #INHERIT} to use the next level's. */
public enum CodecChoice {
    /** Not set here: the enclosing class, builder or default (structured clone) decides. */
    INHERIT,
    /** A deep, topology-preserving copy at send ({@code Codecs.structuredClone()}). */
    STRUCTURED_CLONE,
    /** References are shared, as with a plain queue ({@code Codecs.identity()}). */
    IDENTITY,
    /** Java serialization at send, deserialization at delivery ({@code Codecs.javaSerialization()}). */
    JAVA_SERIALIZATION
}
