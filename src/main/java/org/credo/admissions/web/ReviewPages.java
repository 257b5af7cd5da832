package org.credo.admissions.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.admissions.review.AdmissionFiles;
import org.credo.admissions.review.Reads;
import org.credo.admissions.review.Rubrics;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reader's pages: their queue, assigning waiting applications (by hand or round-robin, each reader's load shown),
 * a read with the application's answers and the rubric to score, recusal, and the rubric of a cycle.
 */
@Controller
@PreAuthorize("hasRole('ADMISSIONS_OFFICER')")
class ReviewPages {

    private final Reads reads;
    private final Rubrics rubrics;
    private final AdmissionFiles files;

    ReviewPages(Reads reads, Rubrics rubrics, AdmissionFiles files) {
        this.reads = reads;
        this.rubrics = rubrics;
        this.files = files;
    }

    @GetMapping("/manage/admissions/reviews")
    String queue(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable UUID programId,
            Model model) {
        var org = user.organizationId();
        model.addAttribute("reads", reads.queue(org, user.personId()));
        model.addAttribute("waiting", reads.waiting(org, programId));
        model.addAttribute("readers", reads.readers(org));
        model.addAttribute("cycles", files.cycles(org));
        model.addAttribute("programId", programId);
        return "admissions/review/reviews";
    }

    @PostMapping("/manage/admissions/reviews/assign")
    String assign(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam UUID applicationId,
            @RequestParam(required = false) @Nullable UUID readerId,
            RedirectAttributes redirect) {
        return act(redirect, "/manage/admissions/reviews", () -> {
            if (readerId == null) {
                throw ProblemException.invalidField("readerId", "choose a reader.");
            }
            var read = reads.assign(user.organizationId(), applicationId, readerId);
            return "Gave " + read.number() + " to " + read.readerName() + ".";
        });
    }

    @PostMapping("/manage/admissions/reviews/round-robin")
    String roundRobin(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable UUID programId,
            RedirectAttributes redirect) {
        return act(redirect, "/manage/admissions/reviews", () -> {
            int n = reads.assignRoundRobin(user.organizationId(), programId);
            return n == 0 ? "No application was waiting for a reader." : "Assigned " + n + " applications round-robin.";
        });
    }

    @GetMapping("/manage/admissions/reviews/{readId}")
    String read(@AuthenticationPrincipal CredoUser user, @PathVariable UUID readId, Model model) {
        var read = reads.mine(user, readId);
        return readPage(user, read, model, Map.of(), Map.of(), null, null);
    }

    @PostMapping("/manage/admissions/reviews/{readId}")
    String submit(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID readId,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        var read = reads.mine(user, readId);
        var scores = new HashMap<UUID, Integer>();
        var comments = new HashMap<UUID, String>();
        var typed = new HashMap<String, String>();
        ProblemException problem = null;
        for (var e : form.entrySet()) {
            if (e.getKey().startsWith("score-")) {
                typed.put(e.getKey(), e.getValue());
                try {
                    var id = UUID.fromString(e.getKey().substring(6));
                    if (!e.getValue().isBlank()) {
                        scores.put(id, Integer.valueOf(e.getValue().trim()));
                    }
                } catch (IllegalArgumentException bad) {
                    problem = ProblemException.invalidField(e.getKey(), "give each score as a whole number.");
                }
            } else if (e.getKey().startsWith("comment-")) {
                typed.put(e.getKey(), e.getValue());
                try {
                    comments.put(UUID.fromString(e.getKey().substring(8)), e.getValue());
                } catch (IllegalArgumentException ignored) {
                    // Not a criterion of this form: nothing to keep.
                }
            }
        }
        try {
            if (problem != null) {
                throw problem;
            }
            reads.submit(user, readId, scores, comments, form.get("comments"));
            redirect.addFlashAttribute("flash", "Read of " + read.number() + " submitted.");
            return "redirect:/manage/admissions/reviews/" + readId;
        } catch (ProblemException e) {
            return readPage(user, read, model, typed, Map.of(), form.get("comments"), e);
        }
    }

    @PostMapping("/manage/admissions/reviews/{readId}/recuse")
    String recuse(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID readId,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        var read = reads.mine(user, readId);
        return act(redirect, "/manage/admissions/reviews", () -> {
            reads.recuse(user, readId, reason);
            return "You recused from " + read.number() + "; it waits to be given to another reader.";
        });
    }

    @GetMapping("/manage/admissions/reviews/rubric")
    String rubric(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable UUID cycleId,
            Model model) {
        var org = user.organizationId();
        var cycles = files.cycles(org);
        model.addAttribute("cycles", cycles);
        var chosen = cycleId != null
                ? cycleId
                : cycles.isEmpty() ? null : cycles.get(0).id();
        model.addAttribute("cycleId", chosen);
        if (chosen != null) {
            var criteria = rubrics.criteria(org, chosen);
            model.addAttribute("criteria", criteria);
            model.addAttribute("scaleMax", rubrics.scaleMax(org, chosen));
            model.addAttribute("lines", lines(criteria));
        }
        return "admissions/review/rubric";
    }

    @PostMapping("/manage/admissions/reviews/rubric")
    String saveRubric(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam UUID cycleId,
            @RequestParam(defaultValue = "5") int scaleMax,
            @RequestParam(defaultValue = "") String lines,
            Model model,
            RedirectAttributes redirect) {
        try {
            rubrics.replace(user.organizationId(), cycleId, scaleMax, parse(lines));
            redirect.addFlashAttribute("flash", "Rubric saved.");
            return "redirect:/manage/admissions/reviews/rubric?cycleId=" + cycleId;
        } catch (ProblemException e) {
            model.addAttribute("cycles", files.cycles(user.organizationId()));
            model.addAttribute("cycleId", cycleId);
            model.addAttribute("criteria", rubrics.criteria(user.organizationId(), cycleId));
            model.addAttribute("scaleMax", scaleMax);
            model.addAttribute("lines", lines);
            model.addAttribute("problem", message(e));
            return "admissions/review/rubric";
        }
    }

    private String readPage(
            CredoUser user,
            Reads.Read read,
            Model model,
            Map<String, String> typed,
            Map<String, String> unused,
            @Nullable String comments,
            @Nullable ProblemException problem) {
        var org = user.organizationId();
        var file = files.find(org, read.applicationId());
        model.addAttribute("read", read);
        model.addAttribute("file", file);
        model.addAttribute("answers", files.answers(org, read.applicationId()));
        model.addAttribute("criteria", read.open() ? rubrics.orDefault(org, file.cycleId()) : List.of());
        model.addAttribute("scaleMax", file.scaleMax());
        model.addAttribute("scores", read.open() ? List.of() : reads.scores(org, read.id()));
        var others = new ArrayList<Map<String, Object>>();
        for (var other : reads.othersVisibleTo(user, read)) {
            others.add(Map.of("read", other, "scores", reads.scores(org, other.id())));
        }
        model.addAttribute("others", others);
        model.addAttribute("typed", typed);
        model.addAttribute("comments", comments == null ? "" : comments);
        model.addAttribute("problem", problem == null ? null : message(problem));
        model.addAttribute(
                "problemField", problem == null ? null : problem.field().orElse(null));
        return "admissions/review/read";
    }

    static String message(ProblemException e) {
        var detail = e.getMessage() == null ? e.title() : e.getMessage();
        return e.field()
                .filter(f -> detail.startsWith(f + ": "))
                .map(f -> detail.substring(f.length() + 2))
                .orElse(detail);
    }

    private static String lines(List<Rubrics.Criterion> criteria) {
        var out = new StringBuilder();
        for (var c : criteria) {
            out.append(c.name())
                    .append(" | ")
                    .append(c.weight().stripTrailingZeros().toPlainString());
            if (c.guidance() != null) {
                out.append(" | ").append(c.guidance());
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static List<Rubrics.CriterionInput> parse(String lines) {
        var out = new ArrayList<Rubrics.CriterionInput>();
        for (var line : lines.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            var parts = line.split("\\|", 3);
            BigDecimal weight;
            try {
                weight = parts.length > 1 ? new BigDecimal(parts[1].trim()) : BigDecimal.ONE;
            } catch (NumberFormatException e) {
                throw ProblemException.invalidField(
                        "lines",
                        "write each line as: name | weight | guidance, with a number as the weight ('" + line.trim()
                                + "').");
            }
            out.add(new Rubrics.CriterionInput(parts[0].trim(), parts.length > 2 ? parts[2].trim() : null, weight));
        }
        return out;
    }

    static String act(RedirectAttributes redirect, String to, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("flash", action.get());
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", "Not done: " + message(e));
        }
        return "redirect:" + to;
    }
}
