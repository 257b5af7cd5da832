package org.credo.catalog.web;

import org.credo.catalog.course.Courses;
import org.credo.platform.CredoUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rule builder's course picker: the courses of the caller's organization that a rule may name,
 * matching what was typed, as the options of a listbox (an htmx fragment). Only those who may write
 * proposals may ask, as for the form it serves.
 */
@Controller
@PreAuthorize("hasAnyRole('CURRICULUM_AUTHOR','CATALOG_EDITOR','REGISTRAR','ADMINISTRATOR')")
class CourseOptions {

    static final String PATH = "/manage/catalog/proposals/course-options";
    static final String VIEW = "catalog/course-options :: options";
    static final int LIMIT = 10;

    private final Courses courses;

    CourseOptions(Courses courses) {
        this.courses = courses;
    }

    @GetMapping(PATH)
    String options(
            @AuthenticationPrincipal CredoUser user, @RequestParam(required = false) @Nullable String q, Model model) {
        var query = q == null ? "" : q.strip();
        if (query.length() > 100) {
            query = query.substring(0, 100);
        }
        model.addAttribute("q", query);
        model.addAttribute("courses", courses.findActive(user.organizationId(), query, LIMIT));
        return VIEW;
    }
}
