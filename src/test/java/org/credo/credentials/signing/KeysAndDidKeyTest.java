package org.credo.credentials.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeysAndDidKeyTest {

    @Test
    void rfc8032TestOneSignsAsPublished() {
        // RFC 8032 section 7.1, TEST 1.
        byte[] secret = HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        Ed25519KeyPair key = Ed25519KeyPair.fromSecretKey(secret);

        assertThat(HexFormat.of().formatHex(key.publicKey()))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(HexFormat.of().formatHex(key.sign(new byte[0])))
                .isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                        + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    }

    @Test
    void vectorKeyHasTheVectorsDidKey() {
        Ed25519KeyPair key = Ed25519KeyPair.fromSecretKeyMultibase(TestDocuments.VECTOR_SECRET_KEY);

        assertThat(key.didKey().did()).isEqualTo("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
        assertThat(key.didKey().verificationMethodId())
                .isEqualTo("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
                        + "#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
        assertThat(DidKey.parse(key.didKey().did()).publicKey()).isEqualTo(key.publicKey());
    }

    @Test
    void generatedKeysRoundTripThroughMultikeyAndDidKey() {
        Ed25519KeyPair key = Ed25519KeyPair.generate();

        assertThat(key.publicKeyMultibase()).startsWith("z6Mk");
        assertThat(key.secretKeyMultibase()).startsWith("z3u2");
        assertThat(Ed25519KeyPair.fromSecretKeyMultibase(key.secretKeyMultibase()))
                .isEqualTo(key);
        assertThat(DidKey.parse(key.didKey().did()).publicKey()).isEqualTo(key.publicKey());
        assertThat(DidKey.parse(key.didKey().verificationMethodId())).isEqualTo(key.didKey());
        assertThat(key.toString()).doesNotContain(key.secretKeyMultibase());
    }

    @Test
    void signaturesVerifyOnlyWithTheRightKeyAndMessage() {
        Ed25519KeyPair key = Ed25519KeyPair.generate();
        byte[] message = "credential".getBytes();
        byte[] signature = key.sign(message);

        assertThat(Ed25519KeyPair.verify(key.publicKey(), message, signature)).isTrue();
        assertThat(Ed25519KeyPair.verify(Ed25519KeyPair.generate().publicKey(), message, signature))
                .isFalse();
        assertThat(Ed25519KeyPair.verify(key.publicKey(), "other".getBytes(), signature))
                .isFalse();
    }

    @Test
    void base58RoundTripsAnyBytesIncludingLeadingZeros() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[random.nextInt(80)];
            random.nextBytes(bytes);
            for (int z = 0; z < bytes.length && random.nextInt(4) == 0; z++) {
                bytes[z] = 0;
            }
            assertThat(Base58Btc.decode(Base58Btc.encode(bytes))).isEqualTo(bytes);
        }
        assertThat(Base58Btc.encode("Hello World!".getBytes())).isEqualTo("2NEpo7TZRRrLZSi2U");
        assertThat(Base58Btc.encode(new byte[] {0, 0, 1})).isEqualTo("112");
        assertThat(Base58Btc.encode(new byte[] {0, 0})).isEqualTo("11");
        assertThat(Base58Btc.encode(new byte[0])).isEmpty();
        assertThat(Base58Btc.encode(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0}))
                .isEqualTo("VtB5VTD");
        assertThat(Base58Btc.decode("")).isEmpty();
    }

    @Test
    void wrongKeysAndIdentifiersAreRefusedWithAReason() {
        assertThatThrownBy(() -> DidKey.parse("did:web:example.com")).hasMessageContaining("not a did:key");
        assertThatThrownBy(() -> DidKey.parse("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme"))
                .hasMessageContaining("Ed25519 public key");
        String did = Ed25519KeyPair.generate().didKey().did();
        assertThatThrownBy(() -> DidKey.parse(did + "#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"))
                .hasMessageContaining("fragment");
        assertThatThrownBy(() -> Ed25519KeyPair.fromSecretKey(new byte[31])).hasMessageContaining("32 bytes");
        assertThatThrownBy(
                        () -> Ed25519KeyPair.fromSecretKeyMultibase("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"))
                .hasMessageContaining("secret key");
    }
}
