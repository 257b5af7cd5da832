package org.credo.credentials.wallet;

import java.util.Set;
import org.credo.platform.AccessRules;
import org.credo.platform.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The wallet, share and profile pages need no staff sign-in: the wallet checks its own earner session, and a share
 * page or profile shows only what its earner chose to share.
 */
@Configuration
class WalletAccess {

    @Bean
    AccessRules walletAccessRules() {
        return rules -> rules.requestMatchers("/wallet", "/wallet/**")
                .permitAll()
                .requestMatchers(HttpMethod.GET, "/share/*", "/p/*", "/api/v1/profiles/*")
                .permitAll()
                .requestMatchers(HttpMethod.HEAD, "/share/*", "/p/*")
                .permitAll();
    }

    /** Everyone signed in may have credentials issued to their address: the wallet is in everyone's menu. */
    @Bean
    NavItem walletNavItem() {
        return new NavItem("My credentials", "/wallet", Set.of(), 795);
    }
}
