package org.credo.progress.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.credo.catalog.Catalog;
import org.credo.learners.Learners;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.progress.Progress;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The degree audit page: the learner's own (with what-ifs), and the registrar's view of any learner's, found by
 * name or number.
 */
@Controller
class ProgressPages {

    static final String VIEW = "progress/audit";

    private final Progress progress;
    private final Learners learners;
    private final Catalog catalog;

    ProgressPages(Progress progress, Learners learners, Catalog catalog) {
        this.progress = progress;
        this.learners = learners;
        this.catalog = catalog;
    }

    @GetMapping("/progress")
    @PreAuthorize("hasRole('LEARNER')")
    String mine(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String program,
            @RequestParam(required = false) @Nullable String planned,
            Model model) {
        var learner = learners.ofPerson(user.organizationId(), user.personId()).orElse(null);
        model.addAttribute("self", true);
        if (learner == null) {
            model.addAttribute("audit", null);
            return VIEW;
        }
        return show(user, learner.learnerId(), program, planned, model);
    }

    @GetMapping("/progress/learners")
    @PreAuthorize("hasRole('REGISTRAR')")
    String find(
            @AuthenticationPrincipal CredoUser user, @RequestParam(required = false) @Nullable String q, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute(
                "found", q == null || q.isBlank() ? List.of() : learners.search(user.organizationId(), q, 25));
        return "progress/learners";
    }

    @GetMapping("/progress/learners/{learnerId}")
    @PreAuthorize("hasRole('REGISTRAR')")
    String learner(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID learnerId,
            @RequestParam(required = false) @Nullable String program,
            @RequestParam(required = false) @Nullable String planned,
            Model model) {
        model.addAttribute("self", false);
        return show(user, learnerId, program, planned, model);
    }

    private String show(
            CredoUser user, UUID learnerId, @Nullable String program, @Nullable String planned, Model model) {
        var today = LocalDate.now(user.zone());
        var plannedCourses = planned == null ? List.<String>of() : Arrays.asList(planned.split("[,;\\n]"));
        model.addAttribute("program", program == null ? "" : program);
        model.addAttribute("planned", planned == null ? "" : planned);
        model.addAttribute("programs", catalog.programs(user.organizationId(), today));
        model.addAttribute("learnerId", learnerId);
        try {
            var audit = progress.audit(user.organizationId(), learnerId, blank(program), plannedCourses, today);
            if (audit.isEmpty() && !Boolean.TRUE.equals(model.getAttribute("self"))) {
                throw ProblemException.notFound("The learner");
            }
            model.addAttribute("audit", audit.orElse(null));
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            model.addAttribute("audit", null);
            model.addAttribute("problem", e.getMessage());
        }
        return VIEW;
    }

    private static @Nullable String blank(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
