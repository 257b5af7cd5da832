package org.credo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
