package org.credo;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A passkey authenticator in plain Java, for tests that drive the WebAuthn JSON endpoints without a browser: it
 * answers registration options with a "none" attestation of a new P-256 key, and request options with a signed
 * assertion, counting signatures as a device does. The origin it writes into the client data is chosen per call,
 * so that tests can also answer from a wrong one.
 */
public final class SoftwareAuthenticator {

    public static final String ORIGIN = "http://localhost:8080";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final byte[] credentialId = new byte[32];
    private @Nullable String userHandle;
    private @Nullable String rpId;
    private int counter;

    public SoftwareAuthenticator() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        new SecureRandom().nextBytes(credentialId);
    }

    /** The credential id, base64url, as the server stores it. */
    public String credentialId() {
        return B64.encodeToString(credentialId);
    }

    /** The user handle of the account this passkey was registered for, base64url. */
    public @Nullable String userHandle() {
        return userHandle;
    }

    /**
     * Answers {@code navigator.credentials.create()} options (the server's JSON) as {@code passkeys.js} posts it to
     * the wallet: {@code {"publicKey": {"label", "credential"}}}.
     */
    public String register(String optionsJson, String label, String origin) {
        var options = JSON.readTree(optionsJson);
        rpId = options.get("rp").get("id").asString();
        userHandle = options.get("user").get("id").asString();
        var clientData = clientData("webauthn.create", options.get("challenge").asString(), origin);
        var authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(0x01 | 0x04 | 0x40); // user present, user verified, attested credential data
        authData.writeBytes(ByteBuffer.allocate(4).putInt(counter).array());
        authData.writeBytes(new byte[16]); // AAGUID: none
        authData.writeBytes(
                ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
        authData.writeBytes(credentialId);
        authData.writeBytes(coseKey());
        var attestation = new LinkedHashMap<Object, Object>();
        attestation.put("fmt", "none");
        attestation.put("attStmt", Map.of());
        attestation.put("authData", authData.toByteArray());
        var response = new LinkedHashMap<String, Object>();
        response.put("attestationObject", B64.encodeToString(Cbor.encode(attestation)));
        response.put("clientDataJSON", B64.encodeToString(clientData));
        response.put("transports", java.util.List.of("internal"));
        return JSON.writeValueAsString(Map.of("publicKey", Map.of("label", label, "credential", credential(response))));
    }

    /** Answers {@code navigator.credentials.get()} options with an assertion, as {@code passkeys.js} posts it. */
    public String assertion(String optionsJson, String origin) {
        return assertion(optionsJson, origin, userHandle);
    }

    /** An assertion that claims another user handle than the one the passkey was registered for. */
    public String assertion(String optionsJson, String origin, @Nullable String claimedUserHandle) {
        var options = JSON.readTree(optionsJson);
        var challenge = options.get("challenge").asString();
        var clientData = clientData("webauthn.get", challenge, origin);
        counter++;
        var authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(options.get("rpId").asString().getBytes(StandardCharsets.UTF_8)));
        authData.write(0x01 | 0x04);
        authData.writeBytes(ByteBuffer.allocate(4).putInt(counter).array());
        var signed = new ByteArrayOutputStream();
        signed.writeBytes(authData.toByteArray());
        signed.writeBytes(sha256(clientData));
        var response = new LinkedHashMap<String, Object>();
        response.put("authenticatorData", B64.encodeToString(authData.toByteArray()));
        response.put("clientDataJSON", B64.encodeToString(clientData));
        response.put("signature", B64.encodeToString(sign(signed.toByteArray())));
        if (claimedUserHandle != null) {
            response.put("userHandle", claimedUserHandle);
        }
        return JSON.writeValueAsString(credential(response));
    }

    private Map<String, Object> credential(Map<String, Object> response) {
        var credential = new LinkedHashMap<String, Object>();
        credential.put("id", credentialId());
        credential.put("rawId", credentialId());
        credential.put("type", "public-key");
        credential.put("authenticatorAttachment", "platform");
        credential.put("clientExtensionResults", Map.of());
        credential.put("response", response);
        return credential;
    }

    private static byte[] clientData(String type, String challenge, String origin) {
        var data = new LinkedHashMap<String, Object>();
        data.put("type", type);
        data.put("challenge", challenge);
        data.put("origin", origin);
        data.put("crossOrigin", false);
        return JSON.writeValueAsBytes(data);
    }

    /** The public key as a COSE_Key: EC2, ES256, P-256, x and y. */
    private byte[] coseKey() {
        var point = ((ECPublicKey) keys.getPublic()).getW();
        var key = new LinkedHashMap<Object, Object>();
        key.put(1, 2);
        key.put(3, -7);
        key.put(-1, 1);
        key.put(-2, fixed(point.getAffineX()));
        key.put(-3, fixed(point.getAffineY()));
        return Cbor.encode(key);
    }

    private static byte[] fixed(BigInteger coordinate) {
        var bytes = coordinate.toByteArray();
        var out = new byte[32];
        int copy = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - copy, out, 32 - copy, copy);
        return out;
    }

    private byte[] sign(byte[] data) {
        try {
            var signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(keys.getPrivate());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Just enough CBOR (RFC 8949) for attestation objects and COSE keys: maps, text, bytes, small integers. */
    static final class Cbor {

        private Cbor() {}

        static byte[] encode(Object value) {
            var out = new ByteArrayOutputStream();
            write(out, value);
            return out.toByteArray();
        }

        private static void write(ByteArrayOutputStream out, Object value) {
            if (value instanceof Integer i) {
                if (i >= 0) {
                    head(out, 0, i);
                } else {
                    head(out, 1, -1L - i);
                }
            } else if (value instanceof String s) {
                var bytes = s.getBytes(StandardCharsets.UTF_8);
                head(out, 3, bytes.length);
                out.writeBytes(bytes);
            } else if (value instanceof byte[] bytes) {
                head(out, 2, bytes.length);
                out.writeBytes(bytes);
            } else if (value instanceof Map<?, ?> map) {
                head(out, 5, map.size());
                map.forEach((k, v) -> {
                    write(out, k);
                    write(out, v);
                });
            } else {
                throw new IllegalArgumentException("No CBOR for " + value.getClass());
            }
        }

        private static void head(ByteArrayOutputStream out, int major, long length) {
            int type = major << 5;
            if (length < 24) {
                out.write(type | (int) length);
            } else if (length < 0x100) {
                out.write(type | 24);
                out.write((int) length);
            } else if (length < 0x10000) {
                out.write(type | 25);
                out.writeBytes(ByteBuffer.allocate(2).putShort((short) length).array());
            } else {
                out.write(type | 26);
                out.writeBytes(ByteBuffer.allocate(4).putInt((int) length).array());
            }
        }
    }
}
