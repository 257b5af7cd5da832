package org.credo.billing.web;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.credo.billing.fees.FeePreview;
import org.credo.billing.fees.FeeSchedule;
import org.credo.billing.fees.FeeScheduleDraft;
import org.credo.billing.fees.FeeSchedules;
import org.credo.learners.Learners;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.scheduling.Scheduling;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A term's fee schedules, a form for a new one (effective from a day), and a preview of a learner's charges. */
@Controller
@PreAuthorize("hasAnyRole('BURSAR','AUDITOR')")
class FeeSchedulePages {

    /** The new-schedule form as typed. */
    record ScheduleForm(
            @Nullable String category,
            @Nullable String effectiveFrom,
            @Nullable String perCredit,
            @Nullable String plateauFrom,
            @Nullable String plateauTo,
            @Nullable String plateauAmount,
            @Nullable String rounding,
            @Nullable String courseFees,
            @Nullable String refundSteps)
            implements Serializable {}

    private final FeeSchedules schedules;
    private final FeePreview preview;
    private final Scheduling scheduling;
    private final Learners learners;

    FeeSchedulePages(FeeSchedules schedules, FeePreview preview, Scheduling scheduling, Learners learners) {
        this.schedules = schedules;
        this.preview = preview;
        this.scheduling = scheduling;
        this.learners = learners;
    }

    @GetMapping("/manage/billing/fee-schedules")
    String schedules(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String term,
            @RequestParam(required = false) @Nullable String learner,
            Model model) {
        var organizationId = user.organizationId();
        var today = LocalDate.now(user.zone());
        var found = term == null || term.isBlank()
                ? scheduling.currentTerm(organizationId, today)
                : scheduling.term(organizationId, term.trim().toUpperCase());
        model.addAttribute("term", found.orElse(null));
        model.addAttribute(
                "termCode",
                term == null ? found.map(Scheduling.TermRecord::code).orElse("") : term);
        model.addAttribute("mayChange", user.hasRole(org.credo.platform.Role.BURSAR));
        if (!model.containsAttribute("scheduleForm")) {
            model.addAttribute(
                    "scheduleForm",
                    new ScheduleForm(
                            "ALL", today.toString(), null, "12", "18", null, "CENT", "", "7:75, 14:50, 28:25"));
        }
        if (found.isEmpty()) {
            return "billing/fee-schedules";
        }
        model.addAttribute(
                "schedules", schedules.ofTerm(organizationId, found.get().termId()));
        model.addAttribute("learner", learner == null ? "" : learner);
        if (learner != null && !learner.isBlank()) {
            var matches = learners.search(organizationId, learner.trim(), 2);
            if (matches.size() != 1) {
                model.addAttribute(
                        "previewError",
                        matches.isEmpty()
                                ? "No learner matches; type their learner number."
                                : "More than one learner matches; type their learner number.");
            } else {
                try {
                    model.addAttribute("previewOf", matches.get(0).name());
                    model.addAttribute(
                            "preview",
                            preview.preview(
                                    organizationId,
                                    matches.get(0).learnerId(),
                                    found.get().termId(),
                                    today,
                                    BigDecimal.ZERO));
                } catch (ProblemException e) {
                    model.addAttribute("previewError", e.getMessage());
                }
            }
        }
        return "billing/fee-schedules";
    }

    @PostMapping("/manage/billing/fee-schedules")
    @PreAuthorize("hasRole('BURSAR')")
    String save(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam String term,
            ScheduleForm form,
            RedirectAttributes redirect) {
        var organizationId = user.organizationId();
        var back = "redirect:/manage/billing/fee-schedules?term=" + term;
        try {
            var found = scheduling
                    .term(organizationId, term.trim().toUpperCase())
                    .orElseThrow(() -> ProblemException.invalidField("term", "no term has this code."));
            schedules.save(
                    organizationId,
                    new FeeScheduleDraft(
                            found.termId(),
                            form.category(),
                            day("effectiveFrom", form.effectiveFrom()),
                            number("perCredit", form.perCredit()),
                            number("plateauFrom", form.plateauFrom()),
                            number("plateauTo", form.plateauTo()),
                            number("plateauAmount", form.plateauAmount()),
                            "WHOLE".equals(form.rounding()) ? FeeSchedule.Rounding.WHOLE : FeeSchedule.Rounding.CENT,
                            courseFees(form.courseFees()),
                            refundSteps(form.refundSteps())));
            redirect.addFlashAttribute("flash", "Fee schedule saved.");
        } catch (ProblemException e) {
            var fields = Problems.fields(e);
            redirect.addFlashAttribute("scheduleForm", form);
            redirect.addFlashAttribute("scheduleErrors", fields);
            redirect.addFlashAttribute("flashError", "The schedule was not saved: " + e.getMessage());
            if (!fields.isEmpty()) {
                redirect.addFlashAttribute(
                        "flashErrorField", fields.keySet().iterator().next());
            }
        }
        return back;
    }

    private static @Nullable BigDecimal number(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, "enter a number such as 300.00.");
        }
    }

    private static @Nullable LocalDate day(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "enter a date such as 2027-01-15.");
        }
    }

    /** One fee a line: course code; label; amount. */
    private static List<FeeSchedule.CourseFee> courseFees(@Nullable String text) {
        var out = new ArrayList<FeeSchedule.CourseFee>();
        if (text == null) {
            return out;
        }
        for (var line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            var parts = line.split(";");
            var amount = parts.length == 3 ? number("courseFees", parts[2]) : null;
            if (amount == null || parts[0].isBlank() || parts[1].isBlank()) {
                throw ProblemException.invalidField(
                        "courseFees",
                        "write one fee a line as course; label; amount, such as DATA 101; Lab fee; 50.00.");
            }
            out.add(new FeeSchedule.CourseFee(parts[0].trim(), parts[1].trim(), amount));
        }
        return out;
    }

    /** Steps as days:percent separated by commas. */
    private static List<FeeSchedule.RefundStep> refundSteps(@Nullable String text) {
        var out = new ArrayList<FeeSchedule.RefundStep>();
        if (text == null) {
            return out;
        }
        for (var step : text.split(",")) {
            if (step.isBlank()) {
                continue;
            }
            var parts = step.split(":");
            try {
                out.add(new FeeSchedule.RefundStep(
                        Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())));
            } catch (RuntimeException e) {
                throw ProblemException.invalidField(
                        "refundSteps", "write steps as days:percent, such as 7:75, 14:50, 28:25.");
            }
        }
        return out;
    }
}
