package org.credo.learners.imports;

import java.util.UUID;
import org.credo.platform.CredoUser;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The people import page: upload a CSV, see every row checked, and confirm a clean file. */
@Controller
@PreAuthorize("hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER')")
class LearnerImportPages {

    static final String VIEW = "learners/import";

    private final LearnerImports imports;

    LearnerImportPages(LearnerImports imports) {
        this.imports = imports;
    }

    @GetMapping("/manage/learners/import")
    String form(Model model) {
        model.addAttribute("columns", ImportRows.columns());
        return VIEW;
    }

    @PostMapping("/manage/learners/import")
    String upload(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(value = "file", required = false) @Nullable MultipartFile file,
            Model model) {
        model.addAttribute("columns", ImportRows.columns());
        if (file == null || file.isEmpty()) {
            model.addAttribute("problem", "Choose a CSV file to check.");
            return VIEW;
        }
        try {
            var name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            model.addAttribute("preview", imports.upload(user, name, UploadLimit.CSV.read(file)));
        } catch (ProblemException e) {
            model.addAttribute("problem", e.getMessage());
        }
        return VIEW;
    }

    @PostMapping("/manage/learners/import/{id}/confirm")
    String confirm(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, Model model, RedirectAttributes redirect) {
        try {
            var applied = imports.confirm(user, id);
            redirect.addFlashAttribute("flash", "Imported " + applied.created() + " learner records.");
            return "redirect:/manage/learners";
        } catch (ProblemException e) {
            model.addAttribute("columns", ImportRows.columns());
            model.addAttribute("problem", e.getMessage());
            return VIEW;
        }
    }
}
