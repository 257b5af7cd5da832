package org.credo.credentials.signing;

import org.credo.credentials.issuer.Issuers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One shared, thread-safe Data Integrity engine for the application. */
@Configuration
class SigningConfig {

    @Bean
    DataIntegrity dataIntegrity(Issuers issuers) {
        return new DataIntegrity(ContextStore.shipped(), issuers.resolver());
    }
}
