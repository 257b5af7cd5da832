package org.credo.catalog.publiccatalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.credo.platform.OrganizationSummary;
import org.credo.platform.Organizations;
import org.credo.platform.ProblemException;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which organization's catalog a public URL shows, and the URLs of its pages. Like did:web, the
 * default organization of the deployment is served at the bare path ({@code /catalog}); every other
 * organization under its slug ({@code /catalog/{slug}}).
 */
@Component
public class CatalogOrganizations {

    private final Organizations organizations;
    private final CredoProperties properties;
    private final String defaultSlug;

    CatalogOrganizations(
            Organizations organizations,
            CredoProperties properties,
            @Value("${credo.catalog.default-organization:northfield}") String defaultSlug) {
        this.organizations = organizations;
        this.properties = properties;
        this.defaultSlug = defaultSlug;
    }

    /** The organization of a public catalog URL: the default one without a slug. */
    public OrganizationSummary resolve(@Nullable String slug) {
        return organizations
                .findBySlug(slug == null ? defaultSlug : slug)
                .orElseThrow(() -> ProblemException.notFound("That catalog"));
    }

    /** An organization by id. */
    public OrganizationSummary find(java.util.UUID id) {
        return organizations.find(id).orElseThrow(() -> ProblemException.notFound("The organization"));
    }

    /** Every organization, each with a public catalog. */
    public List<OrganizationSummary> all() {
        return organizations.all();
    }

    /** The path of an organization's catalog home, e.g. {@code /catalog} or {@code /catalog/lakeside}. */
    public String basePath(OrganizationSummary organization) {
        return organization.slug().equals(defaultSlug)
                ? "/catalog"
                : "/catalog/" + URLEncoder.encode(organization.slug(), StandardCharsets.UTF_8);
    }

    /** The public page of a program. */
    public String programPath(OrganizationSummary organization, String code) {
        return basePath(organization) + "/programs/" + segment(code);
    }

    /** The public page of a course. */
    public String coursePath(OrganizationSummary organization, String subject, String number) {
        return basePath(organization) + "/courses/" + segment(subject) + "/" + segment(number);
    }

    /** The public page of a course named by its code ("CS 101"). */
    public String coursePath(OrganizationSummary organization, String code) {
        var space = code.indexOf(' ');
        return space < 0
                ? basePath(organization) + "/courses/" + segment(code)
                : coursePath(
                        organization,
                        code.substring(0, space),
                        code.substring(space + 1).trim());
    }

    /** An absolute URL on this server. */
    public String absolute(String path) {
        return properties.link(path);
    }

    /** The organization's date today, which decides which versions are current. */
    public LocalDate today(OrganizationSummary organization) {
        return LocalDate.now(ZoneId.of(organization.timeZone()));
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
