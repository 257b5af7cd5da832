package org.credo.platform.web;

import java.util.List;
import java.util.Set;
import org.credo.platform.NavItem;
import org.credo.platform.Role;
import org.credo.platform.people.Accounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The UI shell: layout data on every page and the platform's own navigation entries. */
@Configuration
class WebConfig implements WebMvcConfigurer {

    private final List<NavItem> navigation;
    private final Accounts accounts;

    WebConfig(List<NavItem> navigation, Accounts accounts) {
        this.navigation = navigation;
        this.accounts = accounts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LayoutInterceptor(navigation, accounts))
                .excludePathPatterns("/api/**", "/webjars/**");
    }

    @Configuration
    static class PlatformNavigation {

        @Bean
        NavItem homeNav() {
            return new NavItem("Home", "/", Set.of(), 0);
        }

        @Bean
        NavItem usersNav() {
            return new NavItem("People", "/admin/users", Set.of(Role.ADMINISTRATOR), 900);
        }

        @Bean
        NavItem organizationNav() {
            return new NavItem("Organization", "/admin/organization", Set.of(Role.ADMINISTRATOR), 910);
        }

        @Bean
        NavItem apiNav() {
            return new NavItem("API docs", "/swagger-ui.html", Set.of(Role.INTEGRATOR, Role.ADMINISTRATOR), 990);
        }
    }
}
