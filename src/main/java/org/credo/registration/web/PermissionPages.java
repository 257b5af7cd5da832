package org.credo.registration.web;

import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.registration.enrollment.Enrollments;
import org.credo.registration.enrollment.Permissions;
import org.credo.scheduling.Scheduling.SectionRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Permissions to enroll, given and taken back from the instructor's roster (sections they teach) and from the
 * registrar's section page; and the registrar's waitlist settings of a section.
 */
@Controller
class PermissionPages {

    /** The permission form as typed, kept when refused. */
    record PermissionForm(String learnerNumber, String reason) implements java.io.Serializable {}

    private final Enrollments enrollments;
    private final Permissions permissions;

    PermissionPages(Enrollments enrollments, Permissions permissions) {
        this.enrollments = enrollments;
        this.permissions = permissions;
    }

    @PostMapping("/teach/rosters/{sectionId}/permissions")
    String grantAsInstructor(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID sectionId,
            @RequestParam(required = false) @Nullable String learnerNumber,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        grant(user, taught(user, sectionId), learnerNumber, reason, redirect);
        return "redirect:/teach/rosters/" + sectionId + "#permissions";
    }

    @PostMapping("/teach/rosters/{sectionId}/permissions/{permissionId}/revoke")
    String revokeAsInstructor(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID sectionId,
            @PathVariable UUID permissionId,
            RedirectAttributes redirect) {
        permissions.revoke(user.organizationId(), taught(user, sectionId), permissionId, actor(user));
        redirect.addFlashAttribute("flash", "Permission taken back.");
        return "redirect:/teach/rosters/" + sectionId + "#permissions";
    }

    @PostMapping("/manage/registration/sections/{sectionId}/permissions")
    String grantAsRegistrar(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID sectionId,
            @RequestParam(required = false) @Nullable String learnerNumber,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        grant(user, enrollments.sectionOf(user.organizationId(), sectionId), learnerNumber, reason, redirect);
        return "redirect:/manage/registration/sections/" + sectionId + "#permissions";
    }

    @PostMapping("/manage/registration/sections/{sectionId}/permissions/{permissionId}/revoke")
    String revokeAsRegistrar(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID sectionId,
            @PathVariable UUID permissionId,
            RedirectAttributes redirect) {
        permissions.revoke(
                user.organizationId(),
                enrollments.sectionOf(user.organizationId(), sectionId),
                permissionId,
                actor(user));
        redirect.addFlashAttribute("flash", "Permission taken back.");
        return "redirect:/manage/registration/sections/" + sectionId + "#permissions";
    }

    @PostMapping("/manage/registration/sections/{sectionId}/waitlist-settings")
    String waitlistSettings(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID sectionId,
            @RequestParam(defaultValue = "false") boolean autoEnroll,
            @RequestParam(defaultValue = "false") boolean majorsFirst,
            RedirectAttributes redirect) {
        var section = enrollments.sectionOf(user.organizationId(), sectionId);
        enrollments.waitlistSettings(user.organizationId(), section, autoEnroll, majorsFirst, actor(user));
        redirect.addFlashAttribute(
                "flash",
                "Waitlist settings saved: "
                        + (autoEnroll ? "the next eligible learner is enrolled at once" : "freed seats are offered")
                        + (majorsFirst ? ", majors first." : ", first come, first served."));
        return "redirect:/manage/registration/sections/" + sectionId;
    }

    private void grant(
            CredoUser user,
            SectionRecord section,
            @Nullable String learnerNumber,
            @Nullable String reason,
            RedirectAttributes redirect) {
        try {
            var p = permissions.grant(user.organizationId(), section, learnerNumber, reason, actor(user));
            redirect.addFlashAttribute(
                    "flash",
                    "Permission " + p.number() + " given to " + p.learnerName() + ": they can now add "
                            + section.courseCode() + "-" + section.sectionNumber() + " themselves.");
        } catch (ProblemException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            redirect.addFlashAttribute(
                    "permissionForm",
                    new PermissionForm(learnerNumber == null ? "" : learnerNumber, reason == null ? "" : reason));
            redirect.addFlashAttribute("permissionErrors", Problems.fields(e));
            redirect.addFlashAttribute("flashError", "No permission given: " + e.getMessage());
        }
    }

    private SectionRecord taught(CredoUser user, UUID sectionId) {
        var section = enrollments.sectionOf(user.organizationId(), sectionId);
        if (!section.instructorIds().contains(user.personId())) {
            throw ProblemException.notFound("A section you teach");
        }
        return section;
    }

    private static Enrollments.Actor actor(CredoUser user) {
        return new Enrollments.Actor(user.personId(), user.displayName(), true);
    }
}
