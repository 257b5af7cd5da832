package org.credo.documents.web;

import org.credo.platform.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Any signed-in person may ask for a document; the download itself lets only the owner and staff through. */
@Configuration
class DocumentsAccess {

    @Bean
    AccessRules documentsAccessRules() {
        return rules -> rules.requestMatchers("/documents/**").authenticated();
    }
}
