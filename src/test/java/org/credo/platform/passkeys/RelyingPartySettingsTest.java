package org.credo.platform.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The passkey relying party follows the base URL unless configured otherwise. */
class RelyingPartySettingsTest {

    static CredoProperties properties(String baseUrl, CredoProperties.@Nullable Passkeys passkeys) {
        return new CredoProperties(
                CredoProperties.Mode.PRODUCTION,
                baseUrl,
                "key",
                new CredoProperties.Security(
                        5,
                        30,
                        50,
                        Duration.ofMinutes(15),
                        Duration.ofDays(7),
                        Duration.ofHours(1),
                        Duration.ofDays(365)),
                new CredoProperties.Api(DataSize.ofMegabytes(1)),
                new CredoProperties.Mail("from@example.test", CredoProperties.Transport.SMTP),
                passkeys);
    }

    @Test
    void rpIdAndOriginComeFromTheBaseUrl() {
        var p = properties("https://credo.example.edu/", new CredoProperties.Passkeys("Credo", "", List.of()));
        assertThat(p.passkeyRpId()).isEqualTo("credo.example.edu");
        assertThat(p.passkeyOrigins()).containsExactly("https://credo.example.edu");
        assertThat(p.passkeyRpName()).isEqualTo("Credo");
    }

    @Test
    void aPortStaysInTheOriginButNotInTheRpId() {
        var p = properties("http://localhost:8080", null);
        assertThat(p.passkeyRpId()).isEqualTo("localhost");
        assertThat(p.passkeyOrigins()).containsExactly("http://localhost:8080");
    }

    @Test
    void configuredValuesWin() {
        var p = properties(
                "https://credo.example.edu",
                new CredoProperties.Passkeys(
                        "Northfield Credentials",
                        "example.edu",
                        List.of("https://credo.example.edu", " https://id.example.edu")));
        assertThat(p.passkeyRpId()).isEqualTo("example.edu");
        assertThat(p.passkeyOrigins()).containsExactly("https://credo.example.edu", "https://id.example.edu");
        assertThat(p.passkeyRpName()).isEqualTo("Northfield Credentials");
    }
}
