package org.credo.credentials.issuer;

/** What looking up an issuer's verification method found: its key, or why there is none. */
public sealed interface KeyLookup {

    /** The key, and where it was read, in words. */
    record Found(byte[] publicKey, String source) implements KeyLookup {}

    /** The issuer's DID document was read, but it does not give this key for issuing credentials. */
    record Missing(String why) implements KeyLookup {}

    /** The issuer's DID document could not be read, so nothing is known about the key. */
    record Unreachable(String why) implements KeyLookup {}
}
