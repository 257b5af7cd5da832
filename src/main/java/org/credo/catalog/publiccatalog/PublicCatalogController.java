package org.credo.catalog.publiccatalog;

import jakarta.validation.Valid;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.credo.catalog.intake.Inquiries;
import org.credo.credentials.AwardedAchievements;
import org.credo.platform.OrganizationSummary;
import org.credo.platform.PageQuery;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public catalog: search and browse, program and course pages, inquiries and brochures. No sign-in;
 * only current published versions of items that are not retired ever show. The deployment's default
 * organization is at {@code /catalog}, every other at {@code /catalog/{org}}.
 */
@Controller
class PublicCatalogController {

    static final String SEARCH = "catalog/public/search";
    static final String PROGRAM = "catalog/public/program";
    static final String COURSE = "catalog/public/course";
    static final String SENT = "catalog/public/inquiry-sent";

    private final CatalogOrganizations organizations;
    private final CatalogSearch search;
    private final CatalogReader reader;
    private final RequirementTrees trees;
    private final StructuredData structuredData;
    private final AwardedAchievements achievements;
    private final Inquiries inquiries;
    private final Brochures brochures;
    private final JsonMapper json;
    private final org.credo.platform.Brandings brandings;

    PublicCatalogController(
            CatalogOrganizations organizations,
            CatalogSearch search,
            CatalogReader reader,
            RequirementTrees trees,
            StructuredData structuredData,
            AwardedAchievements achievements,
            Inquiries inquiries,
            Brochures brochures,
            JsonMapper json,
            org.credo.platform.Brandings brandings) {
        this.brandings = brandings;
        this.organizations = organizations;
        this.search = search;
        this.reader = reader;
        this.trees = trees;
        this.structuredData = structuredData;
        this.achievements = achievements;
        this.inquiries = inquiries;
        this.brochures = brochures;
        this.json = json;
    }

    /** Search and browse; with {@code HX-Request}, only the results (the live search of the page). */
    @GetMapping({"/catalog", "/catalog/{org}"})
    String search(
            @PathVariable(required = false) @Nullable String org,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String level,
            @RequestParam(required = false) @Nullable String mode,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var organization = organizations.resolve(org);
        var query = new SearchQuery(q, kind, type, level, mode, subject).normalized();
        var today = organizations.today(organization);
        var paging = PageQuery.of(page, 20, null, List.of("relevance"), true);
        var results = search.search(organization.id(), today, query, paging);
        var base = organizations.basePath(organization);
        model.addAttribute("organization", organization);
        model.addAttribute("base", base);
        model.addAttribute("query", query);
        model.addAttribute("results", results);
        model.addAttribute("maxCounted", CatalogSearch.MAX_COUNTED);
        model.addAttribute(
                "hits",
                results.items().stream()
                        .map(hit -> new HitView(
                                hit,
                                hit.program()
                                        ? organizations.programPath(organization, hit.code())
                                        : organizations.coursePath(organization, hit.code())))
                        .toList());
        model.addAttribute("facets", search.facets(organization.id(), today));
        model.addAttribute("programTypes", Labels.PROGRAM_TYPES);
        model.addAttribute("deliveryModes", Labels.DELIVERY_MODES);
        model.addAttribute("previousPage", results.hasPrevious() ? pageLink(base, query, results.page() - 1) : null);
        model.addAttribute("nextPage", results.hasNext() ? pageLink(base, query, results.page() + 1) : null);
        return htmx != null ? SEARCH + " :: results" : SEARCH;
    }

    @GetMapping({"/catalog/programs/{code}", "/catalog/{org}/programs/{code}"})
    String program(
            @PathVariable(required = false) @Nullable String org,
            @PathVariable String code,
            @RequestParam(required = false) @Nullable String kind,
            Model model) {
        var organization = organizations.resolve(org);
        var form = new InquiryForm();
        if ("APPLY".equals(kind)) {
            form.setKind("APPLY");
        }
        programPage(organization, publicProgram(organization, code), form, model);
        return PROGRAM;
    }

    @PostMapping({"/catalog/programs/{code}/inquiries", "/catalog/{org}/programs/{code}/inquiries"})
    String inquire(
            @PathVariable(required = false) @Nullable String org,
            @PathVariable String code,
            @Valid @ModelAttribute("inquiry") InquiryForm form,
            BindingResult binding,
            Model model) {
        var organization = organizations.resolve(org);
        var program = publicProgram(organization, code);
        var sent = "redirect:" + organizations.programPath(organization, program.code()) + "/inquiry-sent?kind="
                + ("APPLY".equals(form.getKind()) ? "APPLY" : "INFORMATION");
        if (!form.getWebsite().isBlank()) {
            // A robot filled in the hidden field: answer as if stored, store nothing.
            return sent;
        }
        if (!binding.hasErrors()) {
            try {
                inquiries.receive(
                        organization.id(),
                        program.programId(),
                        program.code(),
                        form.getKind(),
                        form.getName(),
                        form.getEmail(),
                        form.getPhone(),
                        form.getMessage());
                return sent;
            } catch (ProblemException e) {
                binding.rejectValue(
                        e.field().orElse("email"), "invalid", e.getMessage().replaceFirst("^[A-Za-z]+: ", ""));
            }
        }
        programPage(organization, program, form, model);
        return PROGRAM;
    }

    @GetMapping({"/catalog/programs/{code}/inquiry-sent", "/catalog/{org}/programs/{code}/inquiry-sent"})
    String inquirySent(
            @PathVariable(required = false) @Nullable String org,
            @PathVariable String code,
            @RequestParam(required = false) @Nullable String kind,
            Model model) {
        var organization = organizations.resolve(org);
        var program = publicProgram(organization, code);
        model.addAttribute("organization", organization);
        model.addAttribute("base", organizations.basePath(organization));
        model.addAttribute("program", program);
        model.addAttribute("programUrl", organizations.programPath(organization, program.code()));
        model.addAttribute("apply", "APPLY".equals(kind));
        return SENT;
    }

    @GetMapping({"/catalog/programs/{code}/brochure.pdf", "/catalog/{org}/programs/{code}/brochure.pdf"})
    ResponseEntity<byte[]> brochure(@PathVariable(required = false) @Nullable String org, @PathVariable String code) {
        var organization = organizations.resolve(org);
        var program = publicProgram(organization, code);
        var today = organizations.today(organization);
        var requirement = trees.requirements(program.requirements());
        var pdf = brochures.pdf(
                organization,
                program,
                requirement,
                awarded(program),
                reader.upcomingIntakes(organization.id(), program.programId(), today),
                organizations.absolute(organizations.programPath(organization, program.code())));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        "Content-Disposition",
                        ContentDisposition.inline()
                                .filename(program.code() + "-brochure.pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    @GetMapping({"/catalog/courses/{subject}/{number}", "/catalog/{org}/courses/{subject}/{number}"})
    String course(
            @PathVariable(required = false) @Nullable String org,
            @PathVariable String subject,
            @PathVariable String number,
            Model model) {
        var organization = organizations.resolve(org);
        var today = organizations.today(organization);
        var course = reader.course(organization.id(), subject, number, today)
                .filter(c -> !c.retired())
                .orElseThrow(() -> ProblemException.notFound("That course"));
        var prerequisites = trees.rule(course.prerequisites());
        var corequisites = trees.rule(course.corequisites());
        var codes = new LinkedHashSet<String>();
        if (prerequisites != null) {
            codes.addAll(prerequisites.courses());
        }
        if (corequisites != null) {
            codes.addAll(corequisites.courses());
        }
        var named = reader.coursesByCode(organization.id(), codes, today);
        model.addAttribute("organization", organization);
        model.addAttribute("base", organizations.basePath(organization));
        model.addAttribute("course", course);
        model.addAttribute("prerequisites", prerequisites);
        model.addAttribute("corequisites", corequisites);
        model.addAttribute("links", links(organization, named));
        model.addAttribute(
                "programs",
                reader.programsRequiring(organization.id(), course.code(), today).stream()
                        .map(p -> new ProgramLink(p.name(), organizations.programPath(organization, p.code())))
                        .toList());
        model.addAttribute(
                "ctdlUrl", organizations.coursePath(organization, course.subject(), course.number()) + "/ctdl.json");
        model.addAttribute(
                "jsonLd",
                JsonLd.scriptSafe(
                        json.writeValueAsString(structuredData.course(organization, course, prerequisites, named))));
        return COURSE;
    }

    private void programPage(
            OrganizationSummary organization, PublishedProgram program, InquiryForm form, Model model) {
        var today = organizations.today(organization);
        var requirement = trees.requirements(program.requirements());
        var named = reader.coursesByCode(organization.id(), trees.courseCodes(program.requirements()), today);
        var intakes = reader.upcomingIntakes(organization.id(), program.programId(), today);
        var achievement = awarded(program);
        var path = organizations.programPath(organization, program.code());
        model.addAttribute("organization", organization);
        model.addAttribute("base", organizations.basePath(organization));
        model.addAttribute("program", program);
        model.addAttribute("programUrl", path);
        model.addAttribute("requirement", requirement);
        model.addAttribute("links", links(organization, named));
        model.addAttribute("intakes", intakes);
        model.addAttribute("achievement", achievement);
        model.addAttribute(
                "achievementImage",
                achievement == null
                        ? null
                        : achievements
                                .imagePath(organization.id(), achievement.lineageId())
                                .orElse(null));
        model.addAttribute(org.credo.platform.Branding.MODEL, brandings.of(organization.id()));
        model.addAttribute("inquiry", form);
        model.addAttribute("ctdlUrl", path + "/ctdl.json");
        model.addAttribute(
                "jsonLd",
                JsonLd.scriptSafe(json.writeValueAsString(
                        structuredData.program(organization, program, achievement, named, intakes))));
    }

    private AwardedAchievements.@Nullable AwardedAchievement awarded(PublishedProgram program) {
        return program.achievementLineageId() == null
                ? null
                : achievements
                        .published(program.organizationId(), program.achievementLineageId())
                        .orElse(null);
    }

    private PublishedProgram publicProgram(OrganizationSummary organization, String code) {
        return reader.program(organization.id(), code, organizations.today(organization))
                .filter(p -> !p.retired())
                .orElseThrow(() -> ProblemException.notFound("That program"));
    }

    private Map<String, CourseLink> links(OrganizationSummary organization, Map<String, PublishedCourse> named) {
        var links = new java.util.LinkedHashMap<String, CourseLink>();
        named.forEach((code, course) -> links.put(
                code,
                new CourseLink(
                        course.title(), organizations.coursePath(organization, course.subject(), course.number()))));
        return links;
    }

    private static String pageLink(String base, SearchQuery query, int page) {
        return UriComponentsBuilder.fromPath(base)
                .queryParamIfPresent("q", java.util.Optional.ofNullable(query.text()))
                .queryParamIfPresent("kind", java.util.Optional.ofNullable(query.kind()))
                .queryParamIfPresent("type", java.util.Optional.ofNullable(query.programType()))
                .queryParamIfPresent("level", java.util.Optional.ofNullable(query.level()))
                .queryParamIfPresent("mode", java.util.Optional.ofNullable(query.deliveryMode()))
                .queryParamIfPresent("subject", java.util.Optional.ofNullable(query.subject()))
                .queryParam("page", page)
                .encode()
                .build()
                .toUriString();
    }

    /** A search hit with the path of its page. */
    record HitView(SearchHit hit, String url) {}

    /** A course named on a page: its title and the path of its page. */
    record CourseLink(String title, String url) {}

    /** A program that requires a course. */
    record ProgramLink(String name, String url) {}
}
