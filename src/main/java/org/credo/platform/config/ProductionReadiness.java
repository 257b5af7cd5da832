package org.credo.platform.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start in production mode with anything that is only safe on a laptop: the embedded
 * database, demo users, default or missing secrets, a plain-HTTP base URL or insecure cookies.
 */
@Component
@DependsOn("flywayInitializer")
class ProductionReadiness implements InitializingBean {

    static final String DEMO_ENCRYPTION_KEY = "credo-demo-key-do-not-use-in-production";

    private final CredoProperties properties;
    private final Environment environment;
    private final JdbcClient jdbc;

    ProductionReadiness(CredoProperties properties, Environment environment, JdbcClient jdbc) {
        this.properties = properties;
        this.environment = environment;
        this.jdbc = jdbc;
    }

    @Override
    public void afterPropertiesSet() {
        if (properties.demo()) {
            return;
        }
        var problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "Credo refuses to start in production mode:\n - " + String.join("\n - ", problems));
        }
    }

    List<String> problems() {
        var problems = new ArrayList<String>();
        var url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            problems.add(
                    "CREDO_DB_URL must point to PostgreSQL (jdbc:postgresql://...), not " + url.replaceAll(";.*", ""));
        }
        var key = properties.encryptionKey();
        if (key == null || key.isBlank()) {
            problems.add("CREDO_ENCRYPTION_KEY is missing: set a random secret of at least 32 characters.");
        } else if (key.equals(DEMO_ENCRYPTION_KEY) || key.length() < 32) {
            problems.add("CREDO_ENCRYPTION_KEY is the demo key or shorter than 32 characters.");
        }
        var baseUrl = properties.baseUrl();
        if (baseUrl.startsWith("http://localhost")) {
            problems.add("CREDO_BASE_URL is the laptop default; set the public https URL of this deployment.");
        } else if (!baseUrl.startsWith("https://")) {
            // Links in emails, the OID4VCI credential issuer and the passkeys' origin all come from it.
            problems.add("CREDO_BASE_URL must start with https://, not " + baseUrl
                    + "; set the public https URL of this deployment.");
        }
        if (!environment.getProperty("server.servlet.session.cookie.secure", Boolean.class, false)) {
            problems.add("CREDO_SECURE_COOKIES must be true: a session cookie without the Secure flag is sent"
                    + " over plain HTTP, where anyone on the network can take over the session.");
        }
        if (properties.mail().transport() != CredoProperties.Transport.SMTP) {
            problems.add("CREDO_MAIL_TRANSPORT must be smtp: the demo mailbox delivers nothing.");
        }
        var smtpPassword = environment.getProperty("spring.mail.password", "");
        var smtpUser = environment.getProperty("spring.mail.username", "");
        if (!smtpUser.isBlank() && smtpPassword.isBlank()) {
            problems.add("CREDO_SMTP_PASSWORD is missing for SMTP user " + smtpUser + ".");
        }
        var binder = Binder.get(environment);
        var network = "credo.verification.network.";
        if (binder.bind(network + "test-hosts", Bindable.mapOf(String.class, String.class))
                        .isBound()
                || !environment.getProperty(network + "test-trust-store", "").isBlank()) {
            problems.add("credo.verification.network.test-hosts and test-trust-store are for tests only: they let"
                    + " verification reach private addresses. Remove them.");
        }
        Integer demoUsers = jdbc.sql("SELECT count(*) FROM person WHERE demo")
                .query(Integer.class)
                .single();
        if (demoUsers > 0) {
            problems.add(demoUsers + " demo users exist in the database; remove them before production use.");
        }
        return problems;
    }
}
