package org.credo.admissions.account;

import org.credo.platform.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Anyone may sign up as an applicant and follow the confirmation link; nobody needs to be signed in for it. */
@Configuration
class SignUpAccess {

    @Bean
    AccessRules applicantSignUpAccessRules() {
        return rules -> rules.requestMatchers("/apply/sign-up", "/apply/sign-up/**")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/applicant-accounts")
                .permitAll();
    }
}
