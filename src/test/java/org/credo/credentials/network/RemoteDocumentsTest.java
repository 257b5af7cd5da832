package org.credo.credentials.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.credo.credentials.network.FetchFailure.Reason;
import org.credo.credentials.network.RemoteDocuments.Kind;
import org.credo.platform.config.CredoProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/** Fetching from another server: what is read, and everything that is refused before or while reading it. */
class RemoteDocumentsTest {

    static RemoteServer remote;

    @BeforeAll
    static void start() throws Exception {
        remote = new RemoteServer();
    }

    @AfterAll
    static void stop() throws Exception {
        remote.close();
    }

    static NetworkSettings settings(boolean enabled, Duration timeout) {
        return new NetworkSettings(
                enabled,
                Duration.ofSeconds(1),
                timeout,
                3,
                DataSize.ofKilobytes(256),
                DataSize.ofMegabytes(2),
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                DataSize.ofMegabytes(16),
                Map.of(RemoteServer.HOST, "127.0.0.1", "other-name.test", "127.0.0.1"),
                RemoteServer.TRUST_STORE,
                RemoteServer.PASSWORD);
    }

    // The first TLS handshake of a run can take a second on a busy machine: only the timeout test is that strict.
    static RemoteDocuments documents(boolean enabled, CredoProperties.Mode mode, Duration timeout) {
        return new RemoteDocuments(
                settings(enabled, timeout),
                new CredoProperties(mode, "https://credo.test", "", null, null, null, null));
    }

    static RemoteDocuments documents(boolean enabled, CredoProperties.Mode mode) {
        return documents(enabled, mode, Duration.ofSeconds(5));
    }

    final RemoteDocuments documents = documents(true, CredoProperties.Mode.DEMO);

    static URI url(String path) {
        return URI.create(remote.origin() + path);
    }

    static Reason reason(Runnable fetch) {
        try {
            fetch.run();
        } catch (FetchFailure e) {
            return e.reason();
        }
        throw new AssertionError("the fetch was not refused");
    }

    @Test
    void readsJsonFromAnotherServerOverHttps() {
        remote.json("/hello/did.json", "{\"id\":\"did:web:x\"}");

        assertThat(documents.fetch(url("/hello/did.json"), Kind.DID_DOCUMENT)).isEqualTo("{\"id\":\"did:web:x\"}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1:%d/x",
                "https://localhost:%d/x",
                "https://[::1]:%d/x",
                "https://[::ffff:127.0.0.1]:%d/x",
                "https://10.0.0.1/x",
                "https://172.16.5.4/x",
                "https://192.168.0.1/x",
                "https://169.254.169.254/latest/meta-data/",
                "https://100.64.0.1/x",
                "https://0.0.0.0:%d/x"
            })
    void refusesPrivateLoopbackAndMetadataAddressesWithoutConnecting(String template) {
        var url = URI.create(template.formatted(remote.trapPort()));
        long start = System.nanoTime();

        assertThatThrownBy(() -> documents.fetch(url, Kind.STATUS_LIST))
                .isInstanceOf(FetchFailure.class)
                .hasMessageContaining("not a public internet address")
                .extracting(e -> ((FetchFailure) e).reason())
                .isEqualTo(Reason.PRIVATE_ADDRESS);
        assertThat(remote.trapped()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
    }

    @Test
    void refusesARedirectToAPrivateAddressWithoutConnecting() {
        remote.redirect("/to-loopback", "https://127.0.0.1:" + remote.trapPort() + "/did.json");
        remote.redirect("/to-metadata", "https://169.254.169.254/latest/meta-data/iam/security-credentials/");
        remote.redirect("/to-localhost", "https://localhost:" + remote.trapPort() + "/");

        for (var path : new String[] {"/to-loopback", "/to-metadata", "/to-localhost"}) {
            assertThat(reason(() -> documents.fetch(url(path), Kind.DID_DOCUMENT)))
                    .as(path)
                    .isEqualTo(Reason.PRIVATE_ADDRESS);
        }
        assertThat(remote.trapped()).isZero();
    }

    @Test
    void followsHttpsRedirectsUpToTheLimitAndNeverToPlainHttp() {
        remote.json("/target", "{}");
        remote.redirect("/one", "/target");
        remote.redirect("/a", "/b").redirect("/b", "/c").redirect("/c", "/d").redirect("/d", "/target");
        remote.redirect("/plain", "http://" + RemoteServer.HOST + ":" + remote.trapPort() + "/target");

        assertThat(documents.fetch(url("/one"), Kind.DID_DOCUMENT)).isEqualTo("{}");
        assertThat(reason(() -> documents.fetch(url("/a"), Kind.DID_DOCUMENT))).isEqualTo(Reason.TOO_MANY_REDIRECTS);
        assertThat(reason(() -> documents.fetch(url("/plain"), Kind.DID_DOCUMENT)))
                .isEqualTo(Reason.NOT_ALLOWED);
        assertThat(reason(() -> documents.fetch(URI.create("http://" + RemoteServer.HOST + "/x"), Kind.DID_DOCUMENT)))
                .isEqualTo(Reason.NOT_ALLOWED);
        assertThat(remote.trapped()).isZero();
    }

    @Test
    void refusesAnswersOverTheSizeLimitWhileReadingThem() {
        remote.json("/big/did.json", " ".repeat(300 * 1024));
        remote.chunked("/big-chunked/did.json", 300 * 1024);
        remote.chunked("/list-ok", 1024 * 1024);
        remote.chunked("/list-too-big", 3 * 1024 * 1024);

        assertThat(reason(() -> documents.fetch(url("/big/did.json"), Kind.DID_DOCUMENT)))
                .isEqualTo(Reason.TOO_LARGE);
        assertThat(reason(() -> documents.fetch(url("/big-chunked/did.json"), Kind.DID_DOCUMENT)))
                .isEqualTo(Reason.TOO_LARGE);
        assertThat(documents.fetch(url("/list-ok"), Kind.STATUS_LIST)).hasSize(1024 * 1024);
        assertThat(reason(() -> documents.fetch(url("/list-too-big"), Kind.STATUS_LIST)))
                .isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void refusesAnswersSlowerThanTheTimeout() {
        remote.slow("/slow", Duration.ofSeconds(5), "{}");
        remote.drip("/drip", 100);
        var strict = documents(true, CredoProperties.Mode.DEMO, Duration.ofSeconds(1));

        for (var path : new String[] {"/slow", "/drip"}) {
            long start = System.nanoTime();
            assertThat(reason(() -> strict.fetch(url(path), Kind.STATUS_LIST)))
                    .as(path)
                    .isEqualTo(Reason.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1800));
        }
    }

    @Test
    void refusesACertificateMadeForAnotherName() {
        var other = URI.create(remote.origin().replace(RemoteServer.HOST, "other-name.test") + "/hello/did.json");
        remote.json("/hello/did.json", "{}");

        assertThatThrownBy(() -> documents.fetch(other, Kind.DID_DOCUMENT))
                .isInstanceOf(FetchFailure.class)
                .hasMessageContaining("secure connection");
    }

    @Test
    void reusesAnswersAsCacheControlAllows() {
        remote.json("/cached", "{}", "Cache-Control", "public, max-age=300");
        remote.json("/no-store", "{}", "Cache-Control", "no-store");
        remote.json("/expired", "{}", "Cache-Control", "max-age=0");

        for (int i = 0; i < 3; i++) {
            documents.fetch(url("/cached"), Kind.STATUS_LIST);
            documents.fetch(url("/no-store"), Kind.STATUS_LIST);
            documents.fetch(url("/expired"), Kind.STATUS_LIST);
        }

        assertThat(remote.requests("/cached")).isEqualTo(1);
        assertThat(remote.requests("/no-store")).isEqualTo(3);
        assertThat(remote.requests("/expired")).isEqualTo(3);
    }

    @Test
    void answersOtherThan200AndNotJsonAreRefused() {
        remote.json("/html", "<html></html>", "Content-Type", "text/html");

        assertThat(reason(() -> documents.fetch(url("/missing"), Kind.DID_DOCUMENT)))
                .isEqualTo(Reason.BAD_RESPONSE);
        assertThat(reason(() -> documents.fetch(url("/html"), Kind.DID_DOCUMENT)))
                .isEqualTo(Reason.BAD_RESPONSE);
    }

    @Test
    void refusesJsonNestedDeeperThanTheParserCanTake() {
        remote.json("/deep/did.json", "[".repeat(100_000) + "]".repeat(100_000));
        remote.json("/brackets/did.json", "{\"id\":\"" + "[".repeat(1000) + "\"}");

        assertThat(reason(() -> documents.fetch(url("/deep/did.json"), Kind.DID_DOCUMENT)))
                .isEqualTo(Reason.BAD_RESPONSE);
        assertThat(documents.fetch(url("/brackets/did.json"), Kind.DID_DOCUMENT))
                .startsWith("{\"id\"");
    }

    @Test
    void turnedOffItFetchesNothing() {
        remote.json("/off", "{}");
        var off = documents(false, CredoProperties.Mode.DEMO);

        assertThatThrownBy(() -> off.fetch(url("/off"), Kind.DID_DOCUMENT))
                .isInstanceOf(FetchFailure.class)
                .hasMessageContaining("credo.verification.network.enabled");
        assertThat(remote.requests("/off")).isZero();
    }

    @Test
    void testOnlySettingsAreIgnoredInProductionMode() {
        remote.json("/production", "{}");
        var production = documents(true, CredoProperties.Mode.PRODUCTION);

        assertThat(reason(() -> production.fetch(url("/production"), Kind.DID_DOCUMENT)))
                .isIn(Reason.UNKNOWN_HOST, Reason.TIMEOUT);
        assertThat(remote.requests("/production")).isZero();
    }
}
