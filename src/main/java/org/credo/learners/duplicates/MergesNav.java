package org.credo.learners.duplicates;

import java.util.EnumSet;
import org.credo.platform.NavItem;
import org.credo.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Administrators, who do not read learner records, reach the merges they may undo from the menu. */
@Configuration
class MergesNav {

    @Bean
    NavItem learnerMergesNav() {
        return new NavItem("Learner merges", "/manage/learners/merges", EnumSet.of(Role.ADMINISTRATOR), 255);
    }
}
