package org.credo.credentials.issuer;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.credo.credentials.IssuerKeyRetired;
import org.credo.credentials.IssuerKeyRotated;
import org.credo.credentials.signing.DidKey;
import org.credo.credentials.signing.Ed25519KeyPair;
import org.credo.credentials.signing.VerificationMethodResolver;
import org.credo.platform.ChangeStamp;
import org.credo.platform.OrganizationSummary;
import org.credo.platform.Organizations;
import org.credo.platform.ProblemException;
import org.credo.platform.Timestamps;
import org.credo.platform.config.CredoProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The issuers of this server: their keys (generated here, encrypted at rest, rotated), their DIDs
 * ({@code did:key} and {@code did:web}) and DID documents, and a resolver that finds their public keys
 * without any network access, and those of did:web issuers elsewhere over the network.
 */
@Service
public class Issuers {

    private final IssuerKeys keys;
    private final SecretBox box;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final RemoteIssuerKeys remoteKeys;
    private final String host;
    private final String defaultOrganization;
    private final Map<UUID, Ed25519KeyPair> unsealed = new ConcurrentHashMap<>();

    Issuers(
            IssuerKeys keys,
            SecretBox box,
            Organizations organizations,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            RemoteIssuerKeys remoteKeys,
            CredoProperties properties) {
        this.keys = keys;
        this.box = box;
        this.organizations = organizations;
        this.events = events;
        this.jdbc = jdbc;
        this.remoteKeys = remoteKeys;
        var base = URI.create(properties.baseUrl());
        this.host = URLEncoder.encode(
                base.getHost() + (base.getPort() > 0 ? ":" + base.getPort() : ""), StandardCharsets.UTF_8);
        this.defaultOrganization = "northfield";
    }

    /** The issuer of an organization, creating its first key if it has none. */
    @Transactional
    public Issuer issuer(UUID organizationId) {
        var organization =
                organizations.find(organizationId).orElseThrow(() -> ProblemException.notFound("The organization"));
        var key = keys.signingKey(organizationId).orElseGet(() -> firstKey(organizationId));
        var pair = keyPair(key.id());
        var profile = profile(organizationId);
        boolean web = "web".equals(profile.get("did_method"));
        var id = web ? didWeb(organization) : pair.didKey().did();
        var method = web ? id + "#" + key.fragment() : pair.didKey().verificationMethodId();
        return new Issuer(
                organization, id, method, pair, (String) profile.get("description"), (String) profile.get("image_url"));
    }

    /**
     * The issuer of an organization as it was named by a DID it issued under: its did:web (signed with
     * the current key), or one of its did:keys while that key is not retired. Status lists are signed
     * by the DID their credentials name, also after the organization changed its DID method or key.
     */
    @Transactional
    public Optional<Issuer> issuerNamed(UUID organizationId, String did) {
        var current = issuer(organizationId);
        if (did.equals(current.id())) {
            return Optional.of(current);
        }
        if (did.equals(didWeb(current.organization()))) {
            var key = keys.signingKey(organizationId).orElseThrow();
            return Optional.of(new Issuer(
                    current.organization(),
                    did,
                    did + "#" + key.fragment(),
                    current.key(),
                    current.description(),
                    current.imageUrl()));
        }
        if (!did.startsWith("did:key:")) {
            return Optional.empty();
        }
        return keys.findByPublicKey(DidKey.parse(did).publicKeyMultibase())
                .filter(key -> key.organizationId().equals(organizationId) && key.published())
                .map(key -> {
                    var pair = keyPair(key.id());
                    return new Issuer(
                            current.organization(),
                            did,
                            pair.didKey().verificationMethodId(),
                            pair,
                            current.description(),
                            current.imageUrl());
                });
    }

    /** A key's pair, its secret decrypted once and kept until the key is retired. */
    private Ed25519KeyPair keyPair(UUID keyId) {
        return unsealed.computeIfAbsent(
                keyId, id -> Ed25519KeyPair.fromSecretKey(box.open(keys.sealedSecret(id), id.toString())));
    }

    /** Every key of an organization, oldest first. */
    @Transactional(readOnly = true)
    public java.util.List<IssuerKey> keys(UUID organizationId) {
        return keys.all(organizationId);
    }

    /** Makes a new key the signing key; the old ones stay published until retired. */
    @Transactional
    public IssuerKey rotate(UUID organizationId) {
        keys.lockOrganization(organizationId);
        var key = newKey(organizationId);
        keys.supersedeAllBut(organizationId, key.id(), key.createdAt());
        events.publishEvent(new IssuerKeyRotated(
                ChangeStamp.now(organizationId), key.id(), key.keyNumber(), key.publicMultibase()));
        return key;
    }

    /** Stops publishing an old key. */
    @Transactional
    public void retire(UUID organizationId, UUID keyId) {
        var key = keys.all(organizationId).stream()
                .filter(k -> k.id().equals(keyId))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("That key"));
        if (key.signing()) {
            throw ProblemException.conflict(
                    "Key in use", "This key signs new credentials; rotate to a new key before retiring it.");
        }
        if (!keys.retire(organizationId, keyId, Timestamps.now())) {
            throw ProblemException.conflict("Already retired", "This key is already retired.");
        }
        unsealed.remove(keyId);
        events.publishEvent(new IssuerKeyRetired(ChangeStamp.now(organizationId), keyId, key.keyNumber()));
    }

    /** Chooses whether the organization issues as did:web or did:key. */
    @Transactional
    public void useDidMethod(UUID organizationId, String method) {
        if (!method.equals("web") && !method.equals("key")) {
            throw ProblemException.invalidField("didMethod", "choose web or key.");
        }
        ensureProfile(organizationId);
        jdbc.sql("UPDATE issuer_profile SET did_method = ? WHERE organization_id = ?")
                .params(method, organizationId)
                .update();
    }

    /** Chooses the DID method new credentials are issued with, in its own transaction. */
    @Transactional
    public void useDidMethodNow(UUID organizationId, String method) {
        useDidMethod(organizationId, method);
    }

    /** What the organization issues beyond Open Badges, and whether Open Badges carry a suspension entry. */
    @Transactional(readOnly = true)
    public IssuancePolicy policy(UUID organizationId) {
        return jdbc.sql("SELECT general_credentials, suspension_entries FROM issuer_profile WHERE organization_id = ?")
                .param(organizationId)
                .query((rs, n) -> new IssuancePolicy(rs.getBoolean(1), rs.getBoolean(2)))
                .optional()
                .orElse(new IssuancePolicy(false, false));
    }

    /** Changes what the organization issues; new credentials follow it, issued ones keep their entries. */
    @Transactional
    public void usePolicy(UUID organizationId, IssuancePolicy policy) {
        ensureProfile(organizationId);
        jdbc.sql("UPDATE issuer_profile SET general_credentials = ?, suspension_entries = ? WHERE organization_id = ?")
                .params(policy.generalCredentials(), policy.suspensionEntries(), organizationId)
                .update();
        events.publishEvent(new org.credo.credentials.IssuancePolicyChanged(
                ChangeStamp.now(organizationId),
                organizationId,
                policy.generalCredentials(),
                policy.suspensionEntries()));
    }

    /** Sets the Open Badges profile description and image of the organization's issuer. */
    @Transactional
    public void describe(
            UUID organizationId,
            @org.jspecify.annotations.Nullable String description,
            @org.jspecify.annotations.Nullable String imageUrl) {
        if (description != null && description.length() > 2000) {
            throw ProblemException.invalidField("description", "keep it under 2,000 characters.");
        }
        if (imageUrl != null && !imageUrl.isBlank() && !imageUrl.trim().matches("https://\\S+")) {
            throw ProblemException.invalidField("imageUrl", "must be an https URL.");
        }
        ensureProfile(organizationId);
        jdbc.sql("UPDATE issuer_profile SET description = ?, image_url = ? WHERE organization_id = ?")
                .params(blank(description), blank(imageUrl), organizationId)
                .update();
        events.publishEvent(new org.credo.credentials.IssuerProfileChanged(
                ChangeStamp.now(organizationId), organizationId, blank(description), blank(imageUrl)));
    }

    private static @org.jspecify.annotations.Nullable String blank(@org.jspecify.annotations.Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The did:web of this server's host, which names the default organization. */
    public String hostDid() {
        return "did:web:" + host;
    }

    /** The did:web of an organization on this server. */
    public String didWeb(OrganizationSummary organization) {
        return organization.slug().equals(defaultOrganization)
                ? "did:web:" + host
                : "did:web:" + host + ":organizations:" + organization.slug();
    }

    /** The DID document of an organization's did:web, listing every published key. */
    @Transactional(readOnly = true)
    public JsonObject didDocument(OrganizationSummary organization) {
        var did = didWeb(organization);
        var methods = Json.createArrayBuilder();
        var assertion = Json.createArrayBuilder();
        for (var key : keys.all(organization.id())) {
            if (!key.published()) {
                continue;
            }
            var id = did + "#" + key.fragment();
            methods.add(Json.createObjectBuilder()
                    .add("id", id)
                    .add("type", "Multikey")
                    .add("controller", did)
                    .add("publicKeyMultibase", key.publicMultibase()));
            assertion.add(id);
        }
        return Json.createObjectBuilder()
                .add(
                        "@context",
                        Json.createArrayBuilder()
                                .add("https://www.w3.org/ns/did/v1")
                                .add("https://w3id.org/security/multikey/v1"))
                .add("id", did)
                .add("verificationMethod", methods)
                .add("assertionMethod", assertion)
                .build();
    }

    /** Finds the organization a did:web of this server names. */
    public Optional<OrganizationSummary> organizationOfDidWeb(String did) {
        if (did.equals("did:web:" + host)) {
            return organizations.findBySlug(defaultOrganization);
        }
        var prefix = "did:web:" + host + ":organizations:";
        return did.startsWith(prefix)
                ? organizations.findBySlug(URLDecoder.decode(did.substring(prefix.length()), StandardCharsets.UTF_8))
                : Optional.empty();
    }

    /**
     * Resolves did:key locally, did:web verification methods of this server from its own keys, and
     * did:web verification methods of other servers from their DID documents over the network (when
     * the operator allows it); any other DID is not resolved.
     */
    public VerificationMethodResolver resolver() {
        VerificationMethodResolver local = id -> {
            if (!id.startsWith("did:web:")) {
                return Optional.empty();
            }
            var hash = id.indexOf('#');
            if (hash < 0 || !id.substring(hash + 1).startsWith("key-")) {
                return Optional.empty();
            }
            int number;
            try {
                number = Integer.parseInt(id.substring(hash + 5));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            return organizationOfDidWeb(id.substring(0, hash))
                    .flatMap(org -> keys.find(org.id(), number))
                    .filter(IssuerKey::published)
                    .map(k -> DidKey.parse("did:key:" + k.publicMultibase()).publicKey());
        };
        VerificationMethodResolver remote = id -> id.startsWith("did:web:")
                        && !isLocal(id.split("#", 2)[0])
                        && remoteKeys.find(id) instanceof KeyLookup.Found found
                ? Optional.of(found.publicKey())
                : Optional.empty();
        return VerificationMethodResolver.didKey().or(local).or(remote);
    }

    /**
     * The key of a did:web issuer on another server, from its DID document over the network, or
     * why it is not known; never used for this server's own DIDs.
     */
    public KeyLookup remoteKey(String verificationMethodId) {
        if (isLocal(verificationMethodId.split("#", 2)[0])) {
            throw new IllegalArgumentException(verificationMethodId + " is a key of this server");
        }
        return remoteKeys.find(verificationMethodId);
    }

    /** Whether a DID belongs to this server (did:web on this host, or did:key of one of its keys). */
    public boolean isLocal(String did) {
        if (did.startsWith("did:web:")) {
            return organizationOfDidWeb(did).isPresent();
        }
        if (did.startsWith("did:key:")) {
            try {
                return keys.findByPublicKey(DidKey.parse(did).publicKeyMultibase())
                        .isPresent();
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    private IssuerKey firstKey(UUID organizationId) {
        keys.lockOrganization(organizationId);
        return keys.signingKey(organizationId).orElseGet(() -> newKey(organizationId));
    }

    private IssuerKey newKey(UUID organizationId) {
        var pair = Ed25519KeyPair.generate();
        var key = new IssuerKey(
                UUID.randomUUID(),
                organizationId,
                keys.nextNumber(organizationId),
                pair.publicKeyMultibase(),
                Timestamps.now(),
                null,
                null);
        keys.insert(key, box.seal(pair.secretKey(), key.id().toString()));
        unsealed.put(key.id(), pair);
        return key;
    }

    private Map<String, Object> profile(UUID organizationId) {
        return jdbc
                .sql("SELECT description, image_url, did_method FROM issuer_profile WHERE organization_id = ?")
                .param(organizationId)
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(Map.of("did_method", "key"));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void ensureProfile(UUID organizationId) {
        jdbc.sql("INSERT INTO issuer_profile (organization_id) SELECT ? WHERE NOT EXISTS"
                        + " (SELECT 1 FROM issuer_profile WHERE organization_id = ?)")
                .params(organizationId, organizationId)
                .update();
    }
}
