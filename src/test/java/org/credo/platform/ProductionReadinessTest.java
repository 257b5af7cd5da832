package org.credo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.credo.CredoApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

/** Production mode refuses laptop defaults instead of running with them. */
class ProductionReadinessTest {

    @Test
    void productionModeOnLaptopDefaultsRefusesToStartAndSaysWhy() {
        var app = new SpringApplication(CredoApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> app.run(
                        "--credo.mode=production",
                        "--spring.datasource.url=jdbc:h2:mem:prod-check;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                        "--credo.encryption-key=",
                        "--credo.mail.transport=mailbox",
                        "--logging.level.root=OFF"))
                .hasStackTraceContaining("refuses to start in production mode")
                .hasStackTraceContaining("CREDO_DB_URL must point to PostgreSQL")
                .hasStackTraceContaining("CREDO_ENCRYPTION_KEY is missing")
                .hasStackTraceContaining("CREDO_MAIL_TRANSPORT must be smtp")
                .hasStackTraceContaining("CREDO_BASE_URL")
                // the test configuration names them; production must not accept them
                .hasStackTraceContaining("test-hosts and test-trust-store are for tests only");
        assertThat(true).isTrue();
    }

    @Test
    void productionModeRefusesAPlainHttpBaseUrlAndInsecureCookies() {
        assertThatThrownBy(() -> startInProduction(
                        "--credo.base-url=http://credo.example.edu", "--server.servlet.session.cookie.secure=false"))
                .hasStackTraceContaining("CREDO_BASE_URL must start with https://, not http://credo.example.edu")
                .hasStackTraceContaining("CREDO_SECURE_COOKIES must be true");
        assertThatThrownBy(() -> startInProduction(
                        "--credo.base-url=https://credo.example.edu", "--server.servlet.session.cookie.secure=true"))
                .hasStackTraceContaining("refuses to start in production mode")
                .satisfies(e -> assertThat(stackTrace(e))
                        .doesNotContain("CREDO_BASE_URL")
                        .doesNotContain("CREDO_SECURE_COOKIES"));
    }

    private static void startInProduction(String... settings) {
        var app = new SpringApplication(CredoApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        var args = new ArrayList<>(List.of(
                "--credo.mode=production",
                "--spring.datasource.url=jdbc:h2:mem:prod-check-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "--logging.level.root=OFF"));
        args.addAll(List.of(settings));
        app.run(args.toArray(String[]::new));
    }

    private static String stackTrace(Throwable e) {
        var out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
