package org.credo.credentials.wallet;

import org.credo.platform.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The wallet and share pages need no staff sign-in: the wallet checks its own earner session (opened by
 * a claim link), and a share page shows only what its earner chose to share.
 */
@Configuration
class WalletAccess {

    @Bean
    AccessRules walletAccessRules() {
        return rules -> rules.requestMatchers("/wallet", "/wallet/**")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/share/*")
                .permitAll()
                .requestMatchers(HttpMethod.HEAD, "/share/*")
                .permitAll();
    }
}
