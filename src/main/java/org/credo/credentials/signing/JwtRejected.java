package org.credo.credentials.signing;

/** Why a VC-JWT cannot be trusted before its signature is even compared, with a message a person can act on. */
public final class JwtRejected extends Exception {

    /** The kinds of refusal. */
    public enum Reason {
        /** Not a compact JWS: wrong number of parts, bad base64url, a header or payload that is not a JSON object. */
        MALFORMED,
        /** A JWE (five parts, or a key-management {@code alg}): Credo verifies signed tokens only. */
        ENCRYPTED,
        /** {@code alg: none}: the token is not signed at all. */
        UNSIGNED,
        /** An HMAC {@code alg} (HS256, HS384, HS512): a shared secret proves nothing about who issued it. */
        SYMMETRIC,
        /** An asymmetric {@code alg} Credo does not check (ES256K, Ed448, ...). */
        UNSUPPORTED_ALGORITHM,
        /** A {@code crit} header parameter, which a verifier must understand and Credo understands none. */
        CRITICAL_HEADER,
        /** The {@code alg} does not fit the key (EdDSA with an EC key, ES256 with a P-384 key, ...). */
        ALGORITHM_KEY_MISMATCH,
        /** A key Credo does not check, or one too weak to trust (RSA under 2048 bits). */
        UNSUPPORTED_KEY,
        /** A private key where only a public key belongs. */
        PRIVATE_KEY
    }

    private final Reason reason;

    JwtRejected(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** The kind of refusal. */
    public Reason reason() {
        return reason;
    }
}
