package org.credo.credentials.oid4vci;

import org.credo.platform.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call the OpenID4VCI endpoints: anyone, as far as Spring Security is concerned. The metadata and the
 * nonce are public; the token endpoint checks its pre-authorized code and the credential endpoint its access token
 * itself. They get their own stateless filter chain without CSRF (wallets hold no session and no CSRF token) and
 * without the personal-access-token filter of the API chain, which would reject an OpenID4VCI access token.
 */
@Configuration
class Oid4vciAccess {

    static final String[] PATHS = {
        "/.well-known/openid-credential-issuer", "/.well-known/oauth-authorization-server", "/oid4vci/**"
    };

    @Bean
    AccessRules oid4vciAccessRules() {
        return rules -> rules.requestMatchers(HttpMethod.GET, PATHS[0], PATHS[1])
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/oid4vci/token", "/oid4vci/nonce", "/oid4vci/credential")
                .permitAll();
    }

    @Bean
    @Order(0)
    SecurityFilterChain oid4vci(HttpSecurity http) throws Exception {
        var rules = oid4vciAccessRules();
        http.securityMatcher(PATHS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .authorizeHttpRequests(auth -> {
                    rules.configure(auth);
                    auth.anyRequest().denyAll();
                });
        return http.build();
    }
}
