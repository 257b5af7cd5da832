package org.credo.admissions.cycle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admission cycles over the REST API: list, read, create for an intake, change. */
@RestController
@RequestMapping("/api/v1/admissions/cycles")
@Tag(name = "Admission cycles", description = "The windows in which program intakes take applications")
@PreAuthorize("hasAnyRole('ADMISSIONS_OFFICER','ADMINISTRATOR')")
class CyclesApi {

    private final Cycles cycles;

    CyclesApi(Cycles cycles) {
        this.cycles = cycles;
    }

    @GetMapping
    @Operation(summary = "List cycles", description = "q matches the name and the program code; status filters.")
    PageResult<Cycle> list(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable CycleStatus status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return cycles.page(user.organizationId(), q, status, PageQuery.of(page, size, sort, Cycles.SORTABLE, false));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A cycle")
    Cycle get(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return cycles.find(user.organizationId(), id);
    }

    @PostMapping
    @Operation(summary = "Create a cycle for a program intake (one per intake); status defaults to DRAFT")
    ResponseEntity<Cycle> create(@AuthenticationPrincipal CredoUser user, @RequestBody CycleRequest request) {
        var cycle = cycles.create(user.organizationId(), request);
        return ResponseEntity.created(URI.create("/api/v1/admissions/cycles/" + cycle.id()))
                .body(cycle);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a cycle's name, window, status, acceptance days and deposit (not its intake)")
    Cycle update(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @RequestBody CycleRequest request) {
        return cycles.update(user.organizationId(), id, request);
    }
}
