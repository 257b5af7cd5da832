package org.credo.platform.security;

import java.util.Arrays;
import java.util.List;
import org.credo.platform.AccessRules;
import org.credo.platform.Role;
import org.credo.platform.api.Problems;
import org.credo.platform.passkeys.PasskeySignIn;
import org.credo.platform.people.Accounts;
import org.credo.platform.tokens.ApiTokenService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: the stateless API (bearer tokens, Problem Details) and the web UI (sessions,
 * form or passkey sign-in, CSRF). Anything not listed as public needs a signed-in user; finer rules sit on
 * the controllers as {@code @PreAuthorize}.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    /** Paths anyone may open without signing in. */
    static final String[] PUBLIC_PAGES = {
        "/login",
        "/password/**",
        "/invitations/**",
        "/demo/mailbox",
        "/webjars/**",
        "/css/**",
        "/js/**",
        "/images/**",
        "/favicon.ico",
        "/error",
        "/v3/**",
        "/swagger-ui/**",
        "/swagger-ui.html"
    };

    /**
     * Pages a reader opens without signing in and without a session (ADR 29): catalog, verification, share. Their
     * forms post to {@link #SESSIONLESS_FORMS}, which need no CSRF token because they act for nobody in particular.
     */
    static final String[] SESSIONLESS_PAGES = {"/catalog", "/catalog/**", "/verify", "/verify/**", "/share/*"};

    /** Public forms: verify a pasted or uploaded credential, ask about a program. */
    static final String[] SESSIONLESS_FORMS = {
        "/verify", "/catalog/programs/*/inquiries", "/catalog/*/programs/*/inquiries"
    };

    /** The platform's own rules: administration is for administrators. */
    @Bean
    AccessRules platformAccessRules() {
        var admin = Role.ADMINISTRATOR.name();
        return rules -> rules.requestMatchers("/admin/**", "/organizations/new", "/api/v1/users/**", "/api/v1/users")
                .hasRole(admin)
                .requestMatchers(HttpMethod.POST, "/organizations", "/api/v1/organizations")
                .hasRole(admin)
                .requestMatchers(HttpMethod.PUT, "/api/v1/organization", "/api/v1/organization/branding")
                .hasRole(admin)
                .requestMatchers("/api/v1/organization/logo")
                .hasRole(admin);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens, JsonMapper json, List<AccessRules> modules)
            throws Exception {
        http.securityMatcher("/api/**", "/actuator/**", "/credentials/**", "/presentations/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, json), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens")
                            .permitAll()
                            .requestMatchers("/actuator/health", "/actuator/health/**")
                            .permitAll()
                            .requestMatchers("/actuator/**")
                            .hasAnyRole(Role.ADMINISTRATOR.name(), Role.INTEGRATOR.name());
                    modules.forEach(m -> m.configure(auth));
                    auth.anyRequest().authenticated();
                })
                .exceptionHandling(
                        e -> e.authenticationEntryPoint((request, response, ex) -> {
                                    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                                    Problems.write(
                                            request,
                                            response,
                                            json,
                                            HttpStatus.UNAUTHORIZED,
                                            "Sign in required",
                                            "Send a personal access token as 'Authorization: Bearer <token>'; create one with POST /api/v1/auth/tokens.");
                                })
                                .accessDeniedHandler(
                                        (request, response, ex) -> Problems.write(
                                                request,
                                                response,
                                                json,
                                                HttpStatus.FORBIDDEN,
                                                "Forbidden",
                                                "Your token's roles do not allow this; ask an administrator for the role, then create a token that carries it.")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(
            HttpSecurity http,
            Accounts accounts,
            SecurityContextRepository contexts,
            List<AccessRules> modules,
            PasskeySignIn passkeys)
            throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        var sessionless = new OrRequestMatcher(Arrays.stream(SESSIONLESS_PAGES)
                .map(p -> (RequestMatcher) paths.matcher(p))
                .toList());
        var sessionlessForms = Arrays.stream(SESSIONLESS_FORMS)
                .map(p -> (RequestMatcher) paths.matcher(HttpMethod.POST, p))
                .toArray(RequestMatcher[]::new);
        http.securityContext(c -> c.securityContextRepository(contexts))
                .csrf(csrf -> csrf.ignoringRequestMatchers(sessionlessForms))
                .addFilterAfter(new SessionlessReaders(sessionless), CsrfFilter.class)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(PUBLIC_PAGES).permitAll();
                    modules.forEach(m -> m.configure(auth));
                    auth.anyRequest().authenticated();
                })
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(new SignInFailureHandler())
                        .permitAll())
                .webAuthn(passkeys::configure)
                .logout(logout -> logout.logoutSuccessUrl("/login?signedOut").deleteCookies("CREDO_SESSION"))
                .addFilterBefore(new CurrentMembershipFilter(accounts, contexts), AuthorizationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(
                                        "default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; "
                                                + "script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
