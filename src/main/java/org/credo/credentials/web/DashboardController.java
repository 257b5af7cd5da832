package org.credo.credentials.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.credo.credentials.achievement.Achievement;
import org.credo.credentials.achievement.Achievements;
import org.credo.credentials.insight.IssuanceFigures;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The issuance dashboard: issued, claimed, shared and verified over time, as charts and as tables. */
@Controller
@PreAuthorize("hasAnyRole('REGISTRAR', 'ADMINISTRATOR')")
class DashboardController {

    private final IssuanceFigures figures;
    private final Achievements achievements;

    DashboardController(IssuanceFigures figures, Achievements achievements) {
        this.figures = figures;
        this.achievements = achievements;
    }

    @GetMapping("/manage/credentials/dashboard")
    String dashboard(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String interval,
            @RequestParam(required = false) @Nullable UUID achievementId,
            Model model) {
        var today = LocalDate.now(user.zone());
        var errors = new LinkedHashMap<String, String>();
        var start = date(from, today.minusWeeks(12), "from", errors);
        var end = date(to, today, "to", errors);
        var cut = "month".equalsIgnoreCase(interval) ? IssuanceFigures.Interval.MONTH : IssuanceFigures.Interval.WEEK;
        if (errors.isEmpty()) {
            try {
                IssuanceFigures.check(start, end);
            } catch (ProblemException e) {
                errors.put("to", e.getMessage().replaceFirst("^to: ", ""));
            }
        }
        model.addAttribute("from", from == null ? start.toString() : from);
        model.addAttribute("to", to == null ? end.toString() : to);
        model.addAttribute("interval", cut.name());
        model.addAttribute("achievementId", achievementId);
        model.addAttribute("achievements", lineages(user));
        model.addAttribute("errors", errors);
        if (errors.isEmpty()) {
            model.addAttribute(
                    "figures", figures.figures(user.organizationId(), start, end, cut, achievementId, user.zone()));
        }
        return "credentials/dashboard";
    }

    /** One entry per achievement (its newest version), for the filter. */
    private List<Achievement> lineages(CredoUser user) {
        var seen = new java.util.HashSet<UUID>();
        return achievements.all(user.organizationId()).stream()
                .filter(a -> seen.add(a.lineageId()))
                .toList();
    }

    private static LocalDate date(
            @Nullable String text, LocalDate fallback, String field, LinkedHashMap<String, String> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "write a date as YYYY-MM-DD.");
            return fallback;
        }
    }
}
