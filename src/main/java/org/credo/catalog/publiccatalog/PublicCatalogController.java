package org.credo.catalog.publiccatalog;

import jakarta.validation.Valid;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.catalog.intake.Inquiries;
import org.credo.credentials.AwardedAchievements;
import org.credo.platform.BoundedCache;
import org.credo.platform.Branding;
import org.credo.platform.Brandings;
import org.credo.platform.OrganizationSummary;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.credo.platform.PublicHeader;
import org.credo.platform.PublicPages;
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
import org.springframework.web.context.request.ServletWebRequest;
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

    /** How long readers and caches may show a catalog page without asking again. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    /**
     * How long a read model is kept. Its key names the catalog's generation and the day, so it is never out of date;
     * the limit only returns the memory of pages nobody reads.
     */
    static final Duration KEPT = Duration.ofMinutes(30);

    private final CatalogOrganizations organizations;
    private final CatalogSearch search;
    private final CatalogReader reader;
    private final RequirementTrees trees;
    private final StructuredData structuredData;
    private final AwardedAchievements achievements;
    private final Inquiries inquiries;
    private final Brochures brochures;
    private final JsonMapper json;
    private final CatalogStamps stamps;
    private final BoundedCache<Shown, PageResult<SearchHit>> searches = new BoundedCache<>(5_000, KEPT);
    private final BoundedCache<Shown, CatalogSearch.Facets> facets = new BoundedCache<>(100, KEPT);
    private final BoundedCache<Shown, Map<String, Object>> programs = new BoundedCache<>(2_000, KEPT);
    private final BoundedCache<Shown, Map<String, Object>> courses = new BoundedCache<>(5_000, KEPT);
    private final Brandings brandings;

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
            CatalogStamps stamps,
            Brandings brandings) {
        this.stamps = stamps;
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
    @Nullable
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
            ServletWebRequest request,
            Model model) {
        var organization = organizations.resolve(org);
        var query = new SearchQuery(q, kind, type, level, mode, subject).normalized();
        var today = organizations.today(organization);
        var paging = PageQuery.of(page, 20, null, List.of("relevance"), true);
        var generation = stamps.current(organization.id());
        var brand = brandings.of(organization.id());
        if (PublicPages.notModified(
                request, MAX_AGE, "catalog", organization, brand, generation, today, query, paging, htmx != null)) {
            return null;
        }
        var kept = PublicPages.kept(request);
        if (kept != null) {
            return kept;
        }
        var results = searches.get(
                new Shown(organization.id(), generation, today, List.of(query, paging)),
                () -> search.search(organization.id(), today, query, paging));
        var base = organizations.basePath(organization);
        model.addAttribute(PublicHeader.MODEL, new PublicHeader(organization, base));
        model.addAttribute(Branding.MODEL, brand);
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
        model.addAttribute(
                "facets",
                facets.get(
                        new Shown(organization.id(), generation, today, List.of()),
                        () -> search.facets(organization.id(), today)));
        model.addAttribute("programTypes", Labels.PROGRAM_TYPES);
        model.addAttribute("deliveryModes", Labels.DELIVERY_MODES);
        model.addAttribute("previousPage", results.hasPrevious() ? pageLink(base, query, results.page() - 1) : null);
        model.addAttribute("nextPage", results.hasNext() ? pageLink(base, query, results.page() + 1) : null);
        return htmx != null ? SEARCH + " :: results" : SEARCH;
    }

    @GetMapping({"/catalog/programs/{code}", "/catalog/{org}/programs/{code}"})
    @Nullable
    String program(
            @PathVariable(required = false) @Nullable String org,
            @PathVariable String code,
            @RequestParam(required = false) @Nullable String kind,
            ServletWebRequest request,
            Model model) {
        var organization = organizations.resolve(org);
        var today = organizations.today(organization);
        var generation = stamps.current(organization.id());
        var apply = "APPLY".equals(kind);
        var shown = programs.get(
                new Shown(organization.id(), generation, today, List.of(organization, code)),
                () -> programPage(organization, publicProgram(organization, code)));
        var brand = brandings.of(organization.id());
        // The badge picture may change without a new catalog generation: it is looked up each time and tagged.
        var image = achievementImage(organization, shown);
        if (PublicPages.notModified(
                request, MAX_AGE, "program", organization, brand, image, generation, today, code, apply)) {
            return null;
        }
        var kept = PublicPages.kept(request);
        if (kept != null) {
            return kept;
        }
        var form = new InquiryForm();
        if (apply) {
            form.setKind("APPLY");
        }
        show(shown, form, model);
        model.addAttribute("achievementImage", image);
        model.addAttribute(Branding.MODEL, brand);
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
        var shown = programPage(organization, program);
        show(shown, form, model);
        model.addAttribute("achievementImage", achievementImage(organization, shown));
        model.addAttribute(Branding.MODEL, brandings.of(organization.id()));
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
    @Nullable
    String course(
            @PathVariable(required = false) @Nullable String org,
            @PathVariable String subject,
            @PathVariable String number,
            ServletWebRequest request,
            Model model) {
        var organization = organizations.resolve(org);
        var today = organizations.today(organization);
        var generation = stamps.current(organization.id());
        var brand = brandings.of(organization.id());
        if (PublicPages.notModified(
                request, MAX_AGE, "course", organization, brand, generation, today, subject, number)) {
            return null;
        }
        var kept = PublicPages.kept(request);
        if (kept != null) {
            return kept;
        }
        model.addAllAttributes(courses.get(
                new Shown(organization.id(), generation, today, List.of(organization, subject, number)),
                () -> coursePage(organization, subject, number, today)));
        model.addAttribute(Branding.MODEL, brand);
        return COURSE;
    }

    /** What a course page shows: kept while the catalog's generation and the day last. */
    private Map<String, Object> coursePage(
            OrganizationSummary organization, String subject, String number, java.time.LocalDate today) {
        var model = new org.springframework.ui.ExtendedModelMap();
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
        model.addAttribute(PublicHeader.MODEL, new PublicHeader(organization, organizations.basePath(organization)));
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(model));
    }

    /** What a program page shows, but the inquiry form: kept while the catalog's generation and the day last. */
    private Map<String, Object> programPage(OrganizationSummary organization, PublishedProgram program) {
        var today = organizations.today(organization);
        var requirement = trees.requirements(program.requirements());
        var named = reader.coursesByCode(organization.id(), trees.courseCodes(program.requirements()), today);
        var intakes = reader.upcomingIntakes(organization.id(), program.programId(), today);
        var achievement = awarded(program);
        var path = organizations.programPath(organization, program.code());
        var base = organizations.basePath(organization);
        var shown = new java.util.LinkedHashMap<String, Object>();
        shown.put("organization", organization);
        shown.put("base", base);
        shown.put(PublicHeader.MODEL, new PublicHeader(organization, base));
        shown.put("program", program);
        shown.put("programUrl", path);
        shown.put("requirement", requirement);
        shown.put("links", links(organization, named));
        shown.put("intakes", intakes);
        if (achievement != null) {
            shown.put("achievement", achievement);
        }
        shown.put("ctdlUrl", path + "/ctdl.json");
        shown.put(
                "jsonLd",
                JsonLd.scriptSafe(json.writeValueAsString(
                        structuredData.program(organization, program, achievement, named, intakes))));
        return java.util.Collections.unmodifiableMap(shown);
    }

    private @Nullable String achievementImage(OrganizationSummary organization, Map<String, Object> page) {
        return page.get("achievement") instanceof AwardedAchievements.AwardedAchievement achievement
                ? achievements
                        .imagePath(organization.id(), achievement.lineageId())
                        .orElse(null)
                : null;
    }

    private static void show(Map<String, Object> page, InquiryForm form, Model model) {
        model.addAllAttributes(page);
        model.addAttribute("inquiry", form);
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

    /** The key of a kept read model: the organization, its catalog's generation, the day, and what was asked. */
    record Shown(UUID organizationId, long generation, java.time.LocalDate today, List<Object> asked) {}

    /** A search hit with the path of its page. */
    record HitView(SearchHit hit, String url) {}

    /** A course named on a page: its title and the path of its page. */
    record CourseLink(String title, String url) {}

    /** A program that requires a course. */
    record ProgramLink(String name, String url) {}
}
