package org.credo.admissions.crm.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.credo.admissions.crm.Funnel;
import org.credo.platform.CredoUser;
import org.credo.platform.CsvWriter;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The funnel report: a table per program and cycle, drawn as a chart, and its CSV. */
@Controller
@PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER','ADMINISTRATOR')")
class FunnelPage {

    static final String PAGE = "admissions/crm/funnel";

    private final Funnel funnel;

    FunnelPage(Funnel funnel) {
        this.funnel = funnel;
    }

    @GetMapping("/manage/admissions/funnel")
    String page(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable UUID programId,
            @RequestParam(required = false) @Nullable UUID cycleId,
            Model model) {
        var cycles = funnel.cycles(user.organizationId());
        var programs = new java.util.LinkedHashMap<UUID, String>();
        cycles.forEach(c -> programs.putIfAbsent(c.programId(), c.programCode() + " — " + c.programName()));
        var rows = funnel.report(user.organizationId(), programId, cycleId);
        model.addAttribute("rows", rows);
        model.addAttribute("chart", rows.isEmpty() ? null : rows.get(rows.size() - 1));
        model.addAttribute("stages", Funnel.STAGES);
        model.addAttribute("programs", programs);
        model.addAttribute("cycles", cycles);
        model.addAttribute("programId", programId);
        model.addAttribute("cycleId", cycleId);
        return PAGE;
    }

    @GetMapping("/manage/admissions/funnel/export.csv")
    void csv(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable UUID programId,
            @RequestParam(required = false) @Nullable UUID cycleId,
            HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"admissions-funnel.csv\"");
        var out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        var csv = new CsvWriter(out);
        var header = new ArrayList<@Nullable String>(List.of("program_code", "program_name", "cycle"));
        Funnel.STAGES.forEach(s -> header.add(s.toLowerCase()));
        Funnel.STAGES.subList(1, Funnel.STAGES.size()).forEach(s -> header.add(s.toLowerCase() + "_rate_percent"));
        csv.row(header);
        for (var row : funnel.report(user.organizationId(), programId, cycleId)) {
            var cells = new ArrayList<@Nullable String>(List.of(row.programCode(), row.programName(), row.cycleName()));
            row.counts().forEach(c -> cells.add(Long.toString(c)));
            row.rates().forEach(r -> cells.add(r == null ? "" : r.toString()));
            csv.row(cells);
        }
        out.flush();
    }
}
