package org.credo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.LinkedHashSet;
import java.util.regex.Pattern;
import org.credo.CredoTest;
import org.credo.WebSessions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Every demo role's home shows its work in counts and queues, and offers no link its reader cannot open. */
@CredoTest
class RoleHomeWorkTest {

    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)\"");

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @EnumSource(Role.class)
    void theHomeShowsTheRolesWorkAndEveryLinkOpens(Role role) throws Exception {
        var session = WebSessions.signIn(mvc, role);
        var html =
                mvc.perform(get("/").cookie(session)).andReturn().getResponse().getContentAsString();
        var card = html.substring(html.indexOf("data-role=\"" + role.name() + "\""));
        card = card.substring(
                0, Math.max(card.indexOf("role-card", 20), 0) > 0 ? card.indexOf("role-card", 20) : card.length());
        // Every role has real work in the demo: at least one card with a count.
        assertThat(card).contains("home-figure").doesNotContain("Nothing to do here");

        var links = new LinkedHashSet<String>();
        var matcher = HREF.matcher(html);
        while (matcher.find()) {
            var href = matcher.group(1).replace("&amp;", "&");
            if (!href.startsWith("/webjars/") && !href.startsWith("/css/") && !href.startsWith("/js/")) {
                links.add(href);
            }
        }
        assertThat(links).isNotEmpty();
        for (var href : links) {
            var status = mvc.perform(get(href).cookie(session))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as("%s opens %s", role, href).isLessThan(400);
        }
    }
}
