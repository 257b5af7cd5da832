package org.credo.scheduling.timetabling.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.ProblemException;
import org.credo.scheduling.term.Terms;
import org.credo.scheduling.timetabling.model.InstanceGenerator;
import org.credo.scheduling.timetabling.run.TimetablingRuns;
import org.credo.scheduling.timetabling.term.TermTimetabling;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The registrar's timetabling pages: start the solver on an uploaded, pasted or generated ITC 2007 instance, follow a
 * run live (the progress fragment polls every second), stop it, read the score explanation, download the timetable;
 * or timetable a term's real sections and accept all or some of the proposed meetings.
 */
@Controller
@PreAuthorize("hasRole('REGISTRAR')")
class TimetablingPages {

    static final String VIEW = "scheduling/timetabling/runs";
    static final String RUN_VIEW = "scheduling/timetabling/run";
    static final String BASE = "/manage/scheduling/timetabling";

    /** The largest .ctt upload taken. */
    static final long MAX_UPLOAD_BYTES = TimetablingRuns.MAX_CHARS;

    private final TimetablingRuns runs;
    private final TermTimetabling termTimetabling;
    private final Terms terms;

    TimetablingPages(TimetablingRuns runs, TermTimetabling termTimetabling, Terms terms) {
        this.runs = runs;
        this.termTimetabling = termTimetabling;
        this.terms = terms;
    }

    /** What the start form holds, as typed. */
    record StartForm(String ctt, String pinned, String timeLimitSeconds) {
        static StartForm empty() {
            return new StartForm("", "", "30");
        }
    }

    /** What the generate form holds, as typed. */
    record GenerateForm(
            String courses,
            String rooms,
            String teachers,
            String curricula,
            String days,
            String periodsPerDay,
            String seed,
            String timeLimitSeconds) {
        static GenerateForm defaults() {
            return new GenerateForm("400", "60", "40", "80", "5", "8", "1", "60");
        }
    }

    @GetMapping(BASE)
    String list(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable Integer page,
            Model model) {
        return page(user, page, StartForm.empty(), GenerateForm.defaults(), null, model);
    }

    @PostMapping(BASE + "/runs")
    String start(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(value = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "") String ctt,
            @RequestParam(defaultValue = "") String pinned,
            @RequestParam(defaultValue = "") String timeLimitSeconds,
            Model model) {
        var text = ctt;
        if (file != null && !file.isEmpty()) {
            if (file.getSize() > MAX_UPLOAD_BYTES) {
                return page(
                        user,
                        null,
                        new StartForm("", pinned, timeLimitSeconds),
                        GenerateForm.defaults(),
                        Map.of("ctt", "The file is larger than " + MAX_UPLOAD_BYTES + " bytes, the most taken."),
                        model);
            }
            text = read(file);
        }
        var form = new StartForm(text, pinned, timeLimitSeconds);
        if (text.isBlank()) {
            return page(
                    user,
                    null,
                    form,
                    GenerateForm.defaults(),
                    Map.of("ctt", "Choose a .ctt file or paste an instance."),
                    model);
        }
        try {
            var run = runs.start(user, text, pinned, seconds(timeLimitSeconds));
            return "redirect:" + BASE + "/runs/" + run.id();
        } catch (ProblemException e) {
            return page(user, null, form, GenerateForm.defaults(), problems(e, "ctt"), model);
        }
    }

    @PostMapping(BASE + "/term-runs")
    String startTerm(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable UUID termId,
            @RequestParam(defaultValue = "30") String timeLimitSeconds,
            Model model) {
        try {
            var run = termTimetabling.start(user, termId, seconds(timeLimitSeconds));
            return "redirect:" + BASE + "/runs/" + run.id();
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            var field = e.field().orElse("");
            return page(
                    user,
                    null,
                    StartForm.empty(),
                    GenerateForm.defaults(),
                    Map.of(field.equals("timeLimitSeconds") ? "termTimeLimitSeconds" : "termId", e.getMessage()),
                    model);
        }
    }

    @PostMapping(BASE + "/runs/{id}/accept")
    String accept(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable List<UUID> sectionIds,
            @RequestParam(defaultValue = "false") boolean all,
            RedirectAttributes redirect) {
        try {
            var accepted = termTimetabling.accept(user, id, all ? null : sectionIds == null ? List.of() : sectionIds);
            redirect.addFlashAttribute(
                    "flash",
                    accepted.changed().isEmpty()
                            ? "Nothing to change: the chosen sections already meet as the solver proposes."
                            : "Accepted the solver's meetings for " + String.join(", ", accepted.changed()) + "; "
                                    + accepted.conflicts() + " conflict(s) in the term now.");
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", "Nothing accepted: " + e.getMessage());
        }
        return "redirect:" + BASE + "/runs/" + id;
    }

    @PostMapping(BASE + "/generated-runs")
    String generate(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(defaultValue = "") String courses,
            @RequestParam(defaultValue = "") String rooms,
            @RequestParam(defaultValue = "") String teachers,
            @RequestParam(defaultValue = "") String curricula,
            @RequestParam(defaultValue = "") String days,
            @RequestParam(defaultValue = "") String periodsPerDay,
            @RequestParam(defaultValue = "") String seed,
            @RequestParam(defaultValue = "") String timeLimitSeconds,
            Model model) {
        var form = new GenerateForm(courses, rooms, teachers, curricula, days, periodsPerDay, seed, timeLimitSeconds);
        var errors = new LinkedHashMap<String, String>();
        int c = whole(courses, "courses", 1, 1000, errors);
        int r = whole(rooms, "rooms", 1, 200, errors);
        int t = whole(teachers, "teachers", 1, 1000, errors);
        int q = whole(curricula, "curricula", 0, 1000, errors);
        int d = whole(days, "days", 1, 7, errors);
        int p = whole(periodsPerDay, "periodsPerDay", 1, 16, errors);
        long s = 0;
        try {
            s = Long.parseLong(seed.trim());
        } catch (NumberFormatException e) {
            errors.put("seed", "Seed: give a whole number; the same seed gives the same instance.");
        }
        if (!errors.isEmpty()) {
            return page(user, null, StartForm.empty(), form, errors, model);
        }
        try {
            var text = TimetablingRuns.generate(new InstanceGenerator.Settings(c, r, t, q, d, p, s));
            var run = runs.start(user, text, null, seconds(timeLimitSeconds));
            return "redirect:" + BASE + "/runs/" + run.id();
        } catch (ProblemException e) {
            return page(user, null, StartForm.empty(), form, problems(e, "generateTimeLimitSeconds"), model);
        }
    }

    @GetMapping(BASE + "/runs/{id}")
    String run(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        var run = runs.get(user.organizationId(), id);
        model.addAttribute("run", run);
        model.addAttribute("chart", ScoreChart.of(run.history(), run.elapsedMillis()));
        model.addAttribute("latest", ScoreChart.latest(run.history(), 10));
        // the explanation is worked out once the run has ended, not on every poll
        model.addAttribute(
                "explanation",
                run.running()
                        ? null
                        : runs.explanation(user.organizationId(), id).orElse(null));
        model.addAttribute(
                "term",
                run.termId() == null
                        ? null
                        : terms.byId(user.organizationId(), run.termId()).orElse(null));
        model.addAttribute(
                "changes",
                run.termId() == null || run.running() || !run.hasSolution()
                        ? null
                        : termTimetabling.changes(user.organizationId(), id));
        return htmx != null ? RUN_VIEW + " :: live" : RUN_VIEW;
    }

    @PostMapping(BASE + "/runs/{id}/stop")
    String stop(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        try {
            runs.stop(user, id);
        } catch (ProblemException e) {
            // already ended: the run page shows how
        }
        return "redirect:" + BASE + "/runs/" + id;
    }

    @GetMapping(BASE + "/runs/{id}/solution")
    ResponseEntity<String> solution(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return download(runs.solution(user.organizationId(), id), "timetable-" + id + ".sol");
    }

    @GetMapping(BASE + "/runs/{id}/instance")
    ResponseEntity<String> instance(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return download(runs.instance(user.organizationId(), id), "instance-" + id + ".ctt");
    }

    private String page(
            CredoUser user,
            @Nullable Integer page,
            StartForm start,
            GenerateForm generate,
            @Nullable Map<String, String> errors,
            Model model) {
        model.addAttribute(
                "runs",
                runs.page(user.organizationId(), PageQuery.of(page, 20, null, TimetablingRuns.sortable(), false)));
        model.addAttribute("start", start);
        model.addAttribute("generate", generate);
        model.addAttribute("errors", errors == null ? Map.of() : errors);
        model.addAttribute("maxSeconds", TimetablingRuns.MAX_SECONDS);
        model.addAttribute("terms", terms.all(user.organizationId()));
        model.addAttribute("grid", termTimetabling.grid().description());
        return VIEW;
    }

    /**
     * A problem of the service as field errors of the form: a bad input names its field (a malformed file goes to
     * {@code fallback}); a refusal of the whole request (a run already solving, a busy solver) is the form's.
     */
    private static Map<String, String> problems(ProblemException e, String fallback) {
        if (e.field().isEmpty() && e.status().value() != 400) {
            return Map.of("form", e.getMessage());
        }
        var field = e.field().orElse(fallback);
        if (field.equals("timeLimitSeconds") && fallback.startsWith("generate")) {
            field = fallback;
        }
        return Map.of(field, e.getMessage());
    }

    private static int seconds(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(
                    "timeLimitSeconds", "give a time limit between 1 and " + TimetablingRuns.MAX_SECONDS + " seconds");
        }
    }

    private static int whole(String text, String field, int min, int max, Map<String, String> errors) {
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(field, label(field) + ": give a whole number from " + min + " to " + max + ".");
        return min;
    }

    private static String label(String field) {
        return switch (field) {
            case "periodsPerDay" -> "Periods per day";
            default -> Character.toUpperCase(field.charAt(0)) + field.substring(1);
        };
    }

    private static String read(MultipartFile file) {
        try {
            return new String(file.getBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The upload could not be read", e);
        }
    }

    private static ResponseEntity<String> download(String text, String name) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                .body(text);
    }
}
