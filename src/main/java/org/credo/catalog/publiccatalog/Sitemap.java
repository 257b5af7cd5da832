package org.credo.catalog.publiccatalog;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /sitemap.xml}: every public catalog page of every organization (catalog home, current
 * programs and courses that are not retired) and the public verification page, in the sitemaps.org
 * format.
 */
@RestController
class Sitemap {

    private final CatalogOrganizations organizations;
    private final CatalogReader reader;

    Sitemap(CatalogOrganizations organizations, CatalogReader reader) {
        this.organizations = organizations;
        this.reader = reader;
    }

    @GetMapping(value = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> sitemap() {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        url(xml, organizations.absolute("/verify"), null);
        for (var organization : organizations.all()) {
            var today = organizations.today(organization);
            url(xml, organizations.absolute(organizations.basePath(organization)), null);
            for (var program : reader.programs(organization.id(), today)) {
                if (!program.retired()) {
                    url(
                            xml,
                            organizations.absolute(organizations.programPath(organization, program.code())),
                            program.effectiveFrom().toString());
                }
            }
            for (var course : reader.courses(organization.id(), today)) {
                if (!course.retired()) {
                    url(
                            xml,
                            organizations.absolute(
                                    organizations.coursePath(organization, course.subject(), course.number())),
                            course.effectiveFrom().toString());
                }
            }
        }
        xml.append("</urlset>\n");
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic())
                .contentType(MediaType.APPLICATION_XML)
                .body(xml.toString());
    }

    private static void url(StringBuilder xml, String location, String lastModified) {
        xml.append("  <url><loc>").append(HtmlUtils.htmlEscape(location)).append("</loc>");
        if (lastModified != null) {
            xml.append("<lastmod>").append(lastModified).append("</lastmod>");
        }
        xml.append("</url>\n");
    }
}
