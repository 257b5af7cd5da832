package org.credo.admissions.application;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.credo.admissions.ApplicationStatus;
import org.credo.admissions.application.Application.Source;
import org.credo.admissions.cycle.Cycles;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.ProblemException;
import org.credo.platform.UploadLimit;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff pages of applications: the list with filters, an application with its answers, documents and history,
 * entering one on an applicant's behalf, and the CSV import with its preview.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER','ADMINISTRATOR')")
class ApplicationPages {

    static final String LIST = "admissions/applications";
    static final String RESULTS = "admissions/applications :: results";
    static final String DETAIL = "admissions/application";
    static final String NEW = "admissions/application-new";
    static final String IMPORT = "admissions/import";

    private final Applications applications;
    private final ApplicationImport imports;
    private final Cycles cycles;
    private final AnswerPage page;

    ApplicationPages(Applications applications, ApplicationImport imports, Cycles cycles, AnswerPage page) {
        this.applications = applications;
        this.imports = imports;
        this.cycles = cycles;
        this.page = page;
    }

    @GetMapping("/manage/admissions/applications")
    String list(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable UUID cycleId,
            @RequestParam(required = false) @Nullable UUID programId,
            @RequestParam(required = false) @Nullable ApplicationStatus status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable String sort,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var org = user.organizationId();
        var query = PageQuery.of(page, null, sort, Applications.SORTABLE, false);
        model.addAttribute("result", applications.page(org, q, cycleId, programId, status, query));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("cycleId", cycleId);
        model.addAttribute("programId", programId);
        model.addAttribute("status", status == null ? "" : status.name());
        model.addAttribute("statuses", ApplicationStatus.values());
        model.addAttribute("counts", applications.countByStatus(org));
        var all = cycles.all(org);
        model.addAttribute("cycles", all);
        model.addAttribute(
                "programs",
                all.stream()
                        .collect(java.util.stream.Collectors.toMap(
                                c -> c.programId(),
                                c -> c.programCode() + " — " + c.programName(),
                                (a, b) -> a,
                                java.util.TreeMap::new)));
        return htmx != null ? RESULTS : LIST;
    }

    @GetMapping("/manage/admissions/applications/new")
    String newApplication(@AuthenticationPrincipal CredoUser user, Model model) {
        model.addAttribute("cycles", cycles.all(user.organizationId()));
        model.addAttribute("errors", Map.of());
        model.addAttribute("values", Map.of());
        return NEW;
    }

    @PostMapping("/manage/admissions/applications")
    String create(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable UUID cycleId,
            @RequestParam(defaultValue = "") String applicantName,
            @RequestParam(defaultValue = "") String applicantEmail,
            Model model,
            RedirectAttributes redirect) {
        try {
            if (cycleId == null) {
                throw ProblemException.invalidField("cycleId", "choose the cycle the application is for.");
            }
            var application = applications.start(
                    user.organizationId(), cycleId, null, applicantName, applicantEmail, Source.STAFF);
            redirect.addFlashAttribute(
                    "flash", "Entered application " + application.number() + ". Fill in the answers and submit it.");
            return "redirect:/manage/admissions/applications/" + application.id();
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            model.addAttribute("cycles", cycles.all(user.organizationId()));
            model.addAttribute("errors", AnswerPage.errors(e));
            model.addAttribute(
                    "values",
                    Map.of(
                            "cycleId",
                            cycleId == null ? "" : cycleId.toString(),
                            "applicantName",
                            applicantName,
                            "applicantEmail",
                            applicantEmail));
            return NEW;
        }
    }

    @GetMapping("/manage/admissions/applications/{id}")
    String detail(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model) {
        var application = applications.find(user.organizationId(), id);
        page.fill(model, application, "/manage/admissions/applications/" + id, Map.of(), Map.of());
        return DETAIL;
    }

    @PostMapping("/manage/admissions/applications/{id}")
    String save(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam Map<String, String> parameters,
            @RequestParam(defaultValue = "save") String action,
            Model model,
            RedirectAttributes redirect) {
        var application = applications.find(user.organizationId(), id);
        var base = "/manage/admissions/applications/" + id;
        var saved = page.save(model, application, base, parameters, action, "The answers were not saved");
        if (saved == null) {
            return DETAIL;
        }
        redirect.addFlashAttribute(
                "flash",
                saved.submitted()
                        ? "Submitted application " + saved.application().number() + " on the applicant's behalf."
                        : "Saved the answers.");
        return "redirect:" + base;
    }

    @PostMapping("/manage/admissions/applications/{id}/files/{key}")
    String upload(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @PathVariable String key,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model) {
        var application = applications.find(user.organizationId(), id);
        var base = "/manage/admissions/applications/" + id;
        return page.upload(model, application, base, key, file) ? "redirect:" + base + "#q-" + key : DETAIL;
    }

    @GetMapping("/manage/admissions/applications/import")
    String importPage(@AuthenticationPrincipal CredoUser user, Model model) {
        model.addAttribute("cycles", cycles.all(user.organizationId()));
        return IMPORT;
    }

    @PostMapping("/manage/admissions/applications/import/preview")
    String preview(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable MultipartFile file,
            Model model) {
        model.addAttribute("cycles", cycles.all(user.organizationId()));
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "Choose a CSV file to check.");
            return IMPORT;
        }
        var bytes = UploadLimit.CSV.read(file);
        var csv = new String(bytes, StandardCharsets.UTF_8);
        var check = imports.check(user.organizationId(), csv);
        model.addAttribute("check", check);
        model.addAttribute(
                "fileName", file.getOriginalFilename() == null ? "applications.csv" : file.getOriginalFilename());
        model.addAttribute("content", Base64.getEncoder().encodeToString(bytes));
        return IMPORT;
    }

    @PostMapping("/manage/admissions/applications/import")
    String importFile(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(defaultValue = "") String content,
            @RequestParam(defaultValue = "applications.csv") String fileName,
            Model model,
            RedirectAttributes redirect) {
        String csv;
        try {
            csv = new String(Base64.getDecoder().decode(content), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Unreadable import", "Check the file again before importing it.");
        }
        try {
            var result = imports.apply(user.organizationId(), fileName, csv);
            if (result.alreadyImported()) {
                redirect.addFlashAttribute("flashError", "This file was already imported; nothing was imported again.");
            } else {
                redirect.addFlashAttribute(
                        "flash", "Imported " + result.imported() + " application(s) from " + fileName + ".");
            }
            return "redirect:/manage/admissions/applications";
        } catch (ProblemException e) {
            model.addAttribute("cycles", cycles.all(user.organizationId()));
            model.addAttribute("check", imports.check(user.organizationId(), csv));
            model.addAttribute("fileName", fileName);
            model.addAttribute("content", content);
            return IMPORT;
        }
    }
}
