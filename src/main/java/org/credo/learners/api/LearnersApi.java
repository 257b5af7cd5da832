package org.credo.learners.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.credo.learners.LearnerStatus;
import org.credo.learners.Learners;
import org.credo.learners.api.LearnerViews.ContactRequest;
import org.credo.learners.api.LearnerViews.HoldView;
import org.credo.learners.api.LearnerViews.IdentifierRequest;
import org.credo.learners.api.LearnerViews.LearnerDetailsView;
import org.credo.learners.api.LearnerViews.LearnerRequest;
import org.credo.learners.api.LearnerViews.LearnerView;
import org.credo.learners.api.LearnerViews.StatusRequest;
import org.credo.learners.duplicates.DuplicateFinder;
import org.credo.learners.hold.LearnerHolds;
import org.credo.learners.record.Contact;
import org.credo.learners.record.Identifier;
import org.credo.learners.record.LearnerContacts;
import org.credo.learners.record.LearnerRecords;
import org.credo.platform.CredoUser;
import org.credo.platform.PageQuery;
import org.credo.platform.PageResult;
import org.credo.platform.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Learner records over the REST API: list, read, create, change, status changes, contacts, identifiers. */
@RestController
@RequestMapping("/api/v1/learners")
@Tag(name = "Learners", description = "Learner records: numbers, contacts, identifiers, program, status history")
class LearnersApi {

    private static final String READERS = "hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER','ADVISOR')";
    private static final String MANAGERS = "hasAnyRole('REGISTRAR','ADMISSIONS_OFFICER')";

    private final LearnerRecords records;
    private final LearnerContacts contacts;
    private final LearnerHolds holds;
    private final DuplicateFinder duplicates;

    LearnersApi(LearnerRecords records, LearnerContacts contacts, LearnerHolds holds, DuplicateFinder duplicates) {
        this.records = records;
        this.contacts = contacts;
        this.holds = holds;
        this.duplicates = duplicates;
    }

    @GetMapping
    @Operation(
            summary = "List learners",
            description = "q matches names, the learner number and emails; status and programId filter.")
    @PreAuthorize(READERS)
    PageResult<LearnerView> list(
            @AuthenticationPrincipal CredoUser user,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable LearnerStatus status,
            @RequestParam(required = false) @Nullable UUID programId,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        var query = PageQuery.of(page, size, sort, LearnerRecords.SORTABLE, true);
        return records.page(user.organizationId(), q, status, programId, query).map(LearnerView::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A learner with contacts, identifiers (national ones masked), history and holds")
    @PreAuthorize(READERS)
    LearnerDetailsView get(@AuthenticationPrincipal CredoUser user, @PathVariable UUID id) {
        return details(user, id);
    }

    @PostMapping
    @Operation(
            summary = "Create a learner record; the learner number is given in the organization's format",
            description = "409 with the possible duplicates under \"matches\" when the person may have a record"
                    + " already (same email, same legal name and birth date); repeat with allowDuplicate=true to"
                    + " create it anyway.")
    @PreAuthorize(MANAGERS)
    ResponseEntity<LearnerDetailsView> create(
            @AuthenticationPrincipal CredoUser user,
            @Valid @RequestBody LearnerRequest request,
            @RequestParam(defaultValue = "false") boolean allowDuplicate) {
        if (!allowDuplicate) {
            var details = request.details();
            var matches = duplicates.find(
                    user.organizationId(),
                    new Learners.Candidate(
                            details.legalGivenName(),
                            details.legalFamilyName(),
                            details.dateOfBirth(),
                            request.email() == null ? java.util.List.of() : java.util.List.of(request.email()),
                            java.util.List.of()),
                    null);
            if (!matches.isEmpty()) {
                throw new ProblemException(
                        HttpStatus.CONFLICT,
                        "Possible duplicate",
                        "This person may have a record already ("
                                + matches.get(0).learnerNumber() + ": "
                                + matches.get(0).rule().label().toLowerCase(java.util.Locale.ROOT)
                                + "). Update that record, or repeat with allowDuplicate=true if this is another"
                                + " person.",
                        java.util.Map.of("matches", matches));
            }
        }
        var learner = contacts.create(
                user.organizationId(),
                request.details(),
                request.status() == null ? LearnerStatus.PROSPECT : request.status(),
                null,
                request.email());
        return ResponseEntity.created(URI.create("/api/v1/learners/" + learner.id()))
                .body(details(user, learner.id()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change names, birth date, pronouns, program and directory opt-out")
    @PreAuthorize(MANAGERS)
    LearnerDetailsView update(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @Valid @RequestBody LearnerRequest request) {
        records.update(user.organizationId(), id, request.details());
        return details(user, id);
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Move the learner to another status (409 when the current status does not allow it)")
    @PreAuthorize(MANAGERS)
    LearnerDetailsView status(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @Valid @RequestBody StatusRequest request) {
        records.changeStatus(user.organizationId(), id, request.status(), request.effectiveOn(), request.reason());
        return details(user, id);
    }

    @PostMapping("/{id}/contacts")
    @Operation(summary = "Add an email, phone or address")
    @PreAuthorize(MANAGERS)
    ResponseEntity<Contact> addContact(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @Valid @RequestBody ContactRequest request) {
        var contact = contacts.add(
                user.organizationId(),
                id,
                request.kind(),
                request.type(),
                request.value(),
                request.validFrom(),
                request.validTo());
        return ResponseEntity.status(201).body(contact);
    }

    @DeleteMapping("/{id}/contacts/{contactId}")
    @PreAuthorize(MANAGERS)
    ResponseEntity<Void> removeContact(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @PathVariable UUID contactId) {
        contacts.remove(user.organizationId(), id, contactId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/identifiers")
    @Operation(summary = "Add another institution's identifier, or a national one (stored sealed, shown masked)")
    @PreAuthorize(MANAGERS)
    ResponseEntity<Identifier> addIdentifier(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @Valid @RequestBody IdentifierRequest request) {
        return ResponseEntity.status(201)
                .body(contacts.addIdentifier(
                        user.organizationId(), id, request.kind(), request.issuer(), request.value()));
    }

    @DeleteMapping("/{id}/identifiers/{identifierId}")
    @PreAuthorize(MANAGERS)
    ResponseEntity<Void> removeIdentifier(
            @AuthenticationPrincipal CredoUser user, @PathVariable UUID id, @PathVariable UUID identifierId) {
        contacts.removeIdentifier(user.organizationId(), id, identifierId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a learner record, with a reason; its number is never given again")
    @PreAuthorize(MANAGERS)
    ResponseEntity<Void> delete(
            @AuthenticationPrincipal CredoUser user,
            @PathVariable UUID id,
            @RequestParam(required = false, defaultValue = "") String reason) {
        records.delete(user.organizationId(), id, reason);
        return ResponseEntity.noContent().build();
    }

    private LearnerDetailsView details(CredoUser user, UUID id) {
        var org = user.organizationId();
        var learner = records.find(org, id);
        return new LearnerDetailsView(
                LearnerView.of(learner),
                contacts.contacts(org, id),
                contacts.identifiers(org, id),
                records.history(org, id),
                holds.of(org, id).stream().map(HoldView::of).toList());
    }
}
