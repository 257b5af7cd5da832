package org.credo.catalog.web;

import java.io.IOException;
import org.credo.catalog.imports.CatalogImport;
import org.credo.platform.CredoUser;
import org.credo.platform.ProblemException;
import org.credo.platform.UploadLimit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Uploading an existing catalog as CSV: every bad row is listed, and nothing is applied until there are none. */
@Controller
@RequestMapping("/manage/catalog/import")
@PreAuthorize("hasAnyRole('ADMINISTRATOR','REGISTRAR','CATALOG_EDITOR')")
class ImportPages {

    private final CatalogImport imports;

    ImportPages(CatalogImport imports) {
        this.imports = imports;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("columns", CatalogImport.COLUMNS);
        return "catalog/import";
    }

    @PostMapping
    String upload(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(value = "file", required = false) MultipartFile file,
            Model model)
            throws IOException {
        model.addAttribute("columns", CatalogImport.COLUMNS);
        if (file == null || file.isEmpty()) {
            model.addAttribute("problem", "Choose a CSV file to import.");
            return "catalog/import";
        }
        try {
            model.addAttribute(
                    "result",
                    imports.load(
                            user,
                            file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
                            UploadLimit.CSV.read(file)));
        } catch (ProblemException e) {
            model.addAttribute("problem", e.getMessage());
        }
        return "catalog/import";
    }
}
