package org.credo.credentials.verification;

import static org.credo.credentials.verification.VerificationReport.Outcome.FAILED;
import static org.credo.credentials.verification.VerificationReport.Outcome.NOT_CHECKED;
import static org.credo.credentials.verification.VerificationReport.Outcome.PASSED;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.credo.credentials.issuer.Issuers;
import org.credo.credentials.signing.JwsKey;
import org.credo.credentials.signing.JwtRejected;
import org.credo.credentials.signing.VcJwt;
import org.credo.credentials.signing.VerificationMethodResolver;
import org.credo.credentials.verification.VerificationReport.Check;
import org.jspecify.annotations.Nullable;

/**
 * Finds the issuer's key a VC-JWT must be signed with, from what its header names: a {@code kid} (a verification
 * method of the issuer's DID), a {@code jwk} (which must be a key of the issuer), or neither (a {@code did:key} or
 * {@code did:jwk} issuer is its own key). Keys are read without any network: did:key and did:jwk from the identifier,
 * did:web from this server's own keys.
 */
final class JwtIssuerKeys {

    private static final String NAME = "Issuer key";

    /** The "Issuer key" check, and the key when it passed. */
    record Found(Check check, @Nullable JwsKey key) {}

    private final Issuers issuers;
    private final VerificationMethodResolver methods;

    JwtIssuerKeys(Issuers issuers) {
        this.issuers = issuers;
        this.methods = issuers.resolver();
    }

    Found find(VcJwt token, String issuerId) {
        JwsKey headerKey;
        try {
            headerKey = token.headerKey();
        } catch (JwtRejected e) {
            return failed("The key in the JWT header (jwk) cannot be used: " + e.getMessage() + ".");
        }
        var kid = token.keyId();
        // A bare fragment ("#key-1") is relative to the issuer, as in a DID document.
        if (kid != null && kid.startsWith("#")) {
            kid = issuerId + kid;
        }
        try {
            if (kid != null) {
                return byKeyId(kid, headerKey, issuerId);
            }
            if (headerKey != null) {
                return byHeaderKey(headerKey, issuerId);
            }
            var own = JwsKey.ofDid(issuerId);
            if (own.isPresent()) {
                return passed(issuerId, own.get());
            }
        } catch (JwtRejected e) {
            return failed("The issuer's key cannot be used: " + e.getMessage() + ".");
        }
        return failed("The JWT header names no key (neither kid nor jwk), and its issuer " + issuerId
                + " is not a key in itself.");
    }

    private Found byKeyId(String kid, @Nullable JwsKey headerKey, String issuerId) throws JwtRejected {
        var did = kid.contains("#") ? kid.substring(0, kid.indexOf('#')) : kid;
        if (!did.equals(issuerId)) {
            return failed("It was signed with a key of " + did + " (its kid), which is not its issuer " + issuerId
                    + "; anyone could have signed it.");
        }
        var own = JwsKey.ofDid(kid);
        JwsKey key;
        if (own.isPresent()) {
            key = own.get();
        } else if (did.startsWith("did:web:") && issuers.isLocal(did)) {
            var published = methods.publicKey(kid);
            if (published.isEmpty()) {
                return failed("The issuer is on this server, but this server publishes no key " + kid
                        + " (it may never have existed, or was retired).");
            }
            key = JwsKey.ed25519(published.get());
        } else {
            return unresolvable(did);
        }
        if (headerKey != null && !headerKey.sameKeyAs(key)) {
            return failed("The key in the JWT header (jwk) is not the key its kid " + kid
                    + " names: the token contradicts itself.");
        }
        return passed(issuerId, key);
    }

    private Found byHeaderKey(JwsKey headerKey, String issuerId) throws JwtRejected {
        var own = JwsKey.ofDid(issuerId);
        if (own.isPresent()) {
            return own.get().sameKeyAs(headerKey)
                    ? passed(issuerId, headerKey)
                    : failed("The key in the JWT header (jwk) is not the key of its issuer " + issuerId
                            + "; anyone could have signed it.");
        }
        if (issuerId.startsWith("did:web:") && issuers.isLocal(issuerId)) {
            var document = issuers.organizationOfDidWeb(issuerId).map(issuers::didDocument);
            var listed = document.map(d -> d.get("verificationMethod")).orElse(null);
            if (listed instanceof JsonArray array) {
                for (var method : array) {
                    var published = method instanceof JsonObject o ? methods.publicKey(o.getString("id", "")) : null;
                    if (published != null
                            && published.isPresent()
                            && JwsKey.ed25519(published.get()).sameKeyAs(headerKey)) {
                        return passed(issuerId, headerKey);
                    }
                }
            }
            return failed("The key in the JWT header (jwk) is not one this server publishes for its issuer " + issuerId
                    + "; anyone could have signed it.");
        }
        return new Found(
                new Check(
                        NAME,
                        NOT_CHECKED,
                        "The token carries a key in its header (jwk), but nothing ties that key to the issuer "
                                + issuerId + " without the network; Credo never fetches keys."),
                null);
    }

    private Found passed(String issuerId, JwsKey key) {
        String how;
        if (issuerId.startsWith("did:key:") || issuerId.startsWith("did:jwk:")) {
            how = "The issuer's " + key.description() + " key is its identifier ("
                    + issuerId.substring(0, issuerId.indexOf(':', 4)) + "), read without any network"
                    + (issuers.isLocal(issuerId) ? "; it is a key of this server." : ".");
        } else {
            how = "The issuer is on this server; its key was read from this server's own published keys.";
        }
        return new Found(new Check(NAME, PASSED, how), key);
    }

    private static Found unresolvable(String did) {
        return new Found(
                new Check(
                        NAME,
                        NOT_CHECKED,
                        did.startsWith("did:web:")
                                ? "The issuer " + did
                                        + " cannot be resolved without the network; Credo never fetches keys."
                                : "Credo resolves only did:key, did:jwk and the did:web identifiers of this server,"
                                        + " not " + did + "."),
                null);
    }

    private static Found failed(String why) {
        return new Found(new Check(NAME, FAILED, why), null);
    }
}
