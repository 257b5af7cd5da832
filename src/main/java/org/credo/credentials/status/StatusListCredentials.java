package org.credo.credentials.status;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.credo.credentials.issuer.Issuers;
import org.credo.credentials.signing.Cryptosuite;
import org.credo.credentials.signing.ProofSigner;
import org.credo.platform.config.CredoProperties;
import org.springframework.stereotype.Service;

/**
 * Each status list as a signed {@code BitstringStatusListCredential}. A signed list is kept until the
 * list changes, so polling verifiers cost one map lookup.
 */
@Service
public class StatusListCredentials {

    /** A signed list, the version it shows and the key that signed it. */
    public record Signed(String json, long version, String verificationMethod) {}

    private final StatusLists lists;
    private final Issuers issuers;
    private final ProofSigner signer;
    private final CredoProperties properties;
    private final Map<UUID, Signed> cache = new ConcurrentHashMap<>();

    StatusListCredentials(StatusLists lists, Issuers issuers, ProofSigner signer, CredoProperties properties) {
        this.lists = lists;
        this.issuers = issuers;
        this.signer = signer;
        this.properties = properties;
    }

    /** The current signed credential of a list, if it exists. */
    public Optional<Signed> current(UUID listId) {
        var list = lists.find(listId);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        // The DID its credentials name; lists made before lists had one are signed by the current issuer.
        var issuer = list.get().issuerDid() == null
                ? Optional.of(issuers.issuer(list.get().organizationId()))
                : issuers.issuerNamed(list.get().organizationId(), list.get().issuerDid());
        if (issuer.isEmpty()) {
            // Its key was retired: the credentials of this list no longer verify, and neither does the list.
            return Optional.empty();
        }
        var cached = cache.get(listId);
        if (cached != null
                && cached.version() == list.get().version()
                && cached.verificationMethod().equals(issuer.get().verificationMethod())) {
            return Optional.of(cached);
        }
        var signed = new Signed(
                sign(list.get(), issuer.get()).toString(),
                list.get().version(),
                issuer.get().verificationMethod());
        cache.put(listId, signed);
        return Optional.of(signed);
    }

    private JsonObject sign(StatusLists.StoredList list, org.credo.credentials.issuer.Issuer issuer) {
        var url = properties.link("/status/" + list.id());
        var unsigned = Json.createObjectBuilder()
                .add("@context", Json.createArrayBuilder().add("https://www.w3.org/ns/credentials/v2"))
                .add("id", url)
                .add(
                        "type",
                        Json.createArrayBuilder().add("VerifiableCredential").add("BitstringStatusListCredential"))
                .add("issuer", issuer.id())
                .add(
                        "validFrom",
                        DateTimeFormatter.ISO_INSTANT.format(list.updatedAt().truncatedTo(ChronoUnit.SECONDS)))
                .add(
                        "credentialSubject",
                        Json.createObjectBuilder()
                                .add("id", url + "#list")
                                .add("type", "BitstringStatusList")
                                .add("statusPurpose", list.purpose().id())
                                .add("encodedList", Bitstring.encode(list.bits())))
                .build();
        return signer.sign(unsigned, Cryptosuite.RDFC, issuer.key(), issuer.verificationMethod(), list.updatedAt());
    }
}
