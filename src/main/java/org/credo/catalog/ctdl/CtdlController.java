package org.credo.catalog.ctdl;

import java.util.ArrayList;
import java.util.UUID;
import org.credo.catalog.publiccatalog.CatalogOrganizations;
import org.credo.catalog.publiccatalog.CatalogReader;
import org.credo.platform.CredoUser;
import org.credo.platform.OrganizationSummary;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * CTDL (Credential Engine) export. Public: one document per organization, program, awarded credential
 * and course, at the URL that is its {@code @id}; only what the public catalog shows. API (catalog
 * editors and integrators, for the caller's organization): single items by id, retired ones included,
 * everything as one {@code @graph}, and a check of the graph against CTDL's minimum data.
 */
@RestController
class CtdlController {

    static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");

    private final CtdlDocuments documents;
    private final CtdlValidator validator;
    private final CatalogOrganizations organizations;
    private final CatalogReader reader;

    CtdlController(
            CtdlDocuments documents,
            CtdlValidator validator,
            CatalogOrganizations organizations,
            CatalogReader reader) {
        this.documents = documents;
        this.validator = validator;
        this.organizations = organizations;
        this.reader = reader;
    }

    @GetMapping({"/catalog/ctdl.json", "/catalog/{org}/ctdl.json"})
    ResponseEntity<String> publicOrganization(@PathVariable(required = false) @Nullable String org) {
        var organization = organizations.resolve(org);
        return ok(documents.document(documents.organization(organization)));
    }

    @GetMapping({"/catalog/programs/{code}/ctdl.json", "/catalog/{org}/programs/{code}/ctdl.json"})
    ResponseEntity<String> publicProgram(
            @PathVariable(required = false) @Nullable String org, @PathVariable String code) {
        var organization = organizations.resolve(org);
        return ok(documents.document(documents.program(organization, publicProgram(organization, code))));
    }

    @GetMapping({"/catalog/programs/{code}/credential/ctdl.json", "/catalog/{org}/programs/{code}/credential/ctdl.json"
    })
    ResponseEntity<String> publicCredential(
            @PathVariable(required = false) @Nullable String org, @PathVariable String code) {
        var organization = organizations.resolve(org);
        return ok(documents.document(documents.credential(organization, publicProgram(organization, code))));
    }

    @GetMapping({"/catalog/courses/{subject}/{number}/ctdl.json", "/catalog/{org}/courses/{subject}/{number}/ctdl.json"
    })
    ResponseEntity<String> publicCourse(
            @PathVariable(required = false) @Nullable String org,
            @PathVariable String subject,
            @PathVariable String number) {
        var organization = organizations.resolve(org);
        var course = reader.course(organization.id(), subject, number, organizations.today(organization))
                .filter(c -> !c.retired())
                .orElseThrow(() -> ProblemException.notFound("That course"));
        return ok(documents.document(documents.course(organization, course)));
    }

    /** Everything the organization has published (retired items as ceased or deprecated), as one graph. */
    @GetMapping("/api/v1/catalog/ctdl")
    @PreAuthorize("hasAnyRole('CATALOG_EDITOR', 'ADMINISTRATOR', 'INTEGRATOR')")
    ResponseEntity<String> graph(@AuthenticationPrincipal CredoUser user) {
        return ok(graph(organization(user)));
    }

    /** The graph checked against CTDL's minimum data, entity by entity. */
    @GetMapping(value = "/api/v1/catalog/ctdl/validation", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('CATALOG_EDITOR', 'ADMINISTRATOR', 'INTEGRATOR')")
    CtdlValidator.Report validation(@AuthenticationPrincipal CredoUser user) {
        return validator.validate(graph(organization(user)));
    }

    @GetMapping("/api/v1/catalog/ctdl/programs/{programId}")
    @PreAuthorize("hasAnyRole('CATALOG_EDITOR', 'ADMINISTRATOR', 'INTEGRATOR')")
    ResponseEntity<String> program(@AuthenticationPrincipal CredoUser user, @PathVariable UUID programId) {
        var organization = organization(user);
        var program = reader.program(organization.id(), programId, organizations.today(organization))
                .orElseThrow(() -> ProblemException.notFound("That program"));
        return ok(documents.document(documents.program(organization, program)));
    }

    @GetMapping("/api/v1/catalog/ctdl/programs/{programId}/credential")
    @PreAuthorize("hasAnyRole('CATALOG_EDITOR', 'ADMINISTRATOR', 'INTEGRATOR')")
    ResponseEntity<String> credential(@AuthenticationPrincipal CredoUser user, @PathVariable UUID programId) {
        var organization = organization(user);
        var program = reader.program(organization.id(), programId, organizations.today(organization))
                .orElseThrow(() -> ProblemException.notFound("That program"));
        return ok(documents.document(documents.credential(organization, program)));
    }

    @GetMapping("/api/v1/catalog/ctdl/courses/{courseId}")
    @PreAuthorize("hasAnyRole('CATALOG_EDITOR', 'ADMINISTRATOR', 'INTEGRATOR')")
    ResponseEntity<String> course(@AuthenticationPrincipal CredoUser user, @PathVariable UUID courseId) {
        var organization = organization(user);
        var course = reader.course(organization.id(), courseId, organizations.today(organization))
                .orElseThrow(() -> ProblemException.notFound("That course"));
        return ok(documents.document(documents.course(organization, course)));
    }

    private ObjectNode graph(OrganizationSummary organization) {
        var today = organizations.today(organization);
        var entities = new ArrayList<ObjectNode>();
        entities.add(documents.organization(organization));
        for (var program : reader.programs(organization.id(), today)) {
            entities.add(documents.credential(organization, program));
            entities.add(documents.program(organization, program));
        }
        for (var course : reader.courses(organization.id(), today)) {
            entities.add(documents.course(organization, course));
        }
        return documents.graph(entities);
    }

    private OrganizationSummary organization(CredoUser user) {
        return organizations.find(user.organizationId());
    }

    private org.credo.catalog.publiccatalog.PublishedProgram publicProgram(
            OrganizationSummary organization, String code) {
        return reader.program(organization.id(), code, organizations.today(organization))
                .filter(p -> !p.retired())
                .orElseThrow(() -> ProblemException.notFound("That program"));
    }

    private static ResponseEntity<String> ok(ObjectNode document) {
        return ResponseEntity.ok().contentType(JSON_LD).body(document.toString());
    }
}
