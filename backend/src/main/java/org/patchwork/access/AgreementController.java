package org.patchwork.access;

import org.patchwork.geography.BoundaryLevel;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patchwork.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sharing agreements of a dataset. Anyone who may know the dataset may read them. Separation of duties:
 * only the owner partner's data managers make and change them (an administrator could otherwise grant
 * themselves record access); administrators and the owner's data managers may withdraw them. Every
 * change, and every refusal, is audited.
 */
@RestController
class AgreementController {

    private static final Set<String> LEVELS = Set.of("record", "aggregate", "public");
    private static final Set<String> GEOGRAPHIES = Set.copyOf(BoundaryLevel.keys());

    private final AgreementStore agreements;
    private final AccessPolicy policy;
    private final AccessStore access;
    private final AccountStore accounts;

    AgreementController(AgreementStore agreements, AccessPolicy policy, AccessStore access, AccountStore accounts) {
        this.agreements = agreements;
        this.policy = policy;
        this.access = access;
        this.accounts = accounts;
    }

    record RecipientRequest(Long partnerId, String role, String accessLevel, String minGeography) {
    }

    record AgreementRequest(String title, String purpose, String legalBasis, LocalDate startDate, LocalDate reviewDate,
                            LocalDate expiryDate, List<RecipientRequest> recipients) {
    }

    @GetMapping("/api/datasets/{datasetId}/agreements")
    List<AgreementStore.AgreementDetail> list(@PathVariable long datasetId) {
        policy.require(datasetId, AccessLevel.METADATA, "agreements");
        List<AgreementStore.AgreementDetail> all = agreements.forDataset(datasetId);
        // who wrote an agreement (an e-mail address for OpenID Connect accounts) is for those who govern it
        return mayGovernQuietly(datasetId) ? all : all.stream().map(AgreementStore.AgreementDetail::withoutAuthor).toList();
    }

    private boolean mayGovernQuietly(long datasetId) {
        Viewer viewer = policy.currentViewer();
        return viewer.isAdmin() || (viewer.role() == Role.DATA_MANAGER && policy.isOwner(viewer, datasetId));
    }

    @PostMapping("/api/datasets/{datasetId}/agreements")
    @Transactional
    ResponseEntity<Map<String, Object>> create(@PathVariable long datasetId, @RequestBody AgreementRequest request) {
        Viewer viewer = mayMakeOrChange(datasetId);
        validate(request);
        long id = agreements.create(datasetId, request, viewer.username());
        policy.audit(viewer, "agreement-change", "allowed", datasetId, "agreements", null, "created agreement " + id + ": " + request.title());
        return ResponseEntity.created(URI.create("/api/agreements/" + id)).body(Map.of("id", id));
    }

    @PutMapping("/api/agreements/{id}")
    @Transactional
    Map<String, Object> update(@PathVariable long id, @RequestBody AgreementRequest request) {
        var agreement = agreements.find(id).orElseThrow(() -> ApiProblem.notFound("unknown-agreement", "There is no agreement " + id));
        Viewer viewer = mayMakeOrChange(agreement.datasetId());
        validate(request);
        agreements.update(id, request);
        policy.audit(viewer, "agreement-change", "allowed", agreement.datasetId(), "agreements", null, "changed agreement " + id);
        return Map.of("id", id);
    }

    @PostMapping("/api/agreements/{id}/withdraw")
    @Transactional
    Map<String, Object> withdraw(@PathVariable long id) {
        var agreement = agreements.find(id).orElseThrow(() -> ApiProblem.notFound("unknown-agreement", "There is no agreement " + id));
        Viewer viewer = mayGovern(agreement.datasetId());
        agreements.withdraw(id);
        policy.audit(viewer, "agreement-change", "allowed", agreement.datasetId(), "agreements", null, "withdrew agreement " + id);
        return Map.of("id", id, "withdrawn", true);
    }

    /** Making or changing an agreement is for the owner partner's data managers only. */
    private Viewer mayMakeOrChange(long datasetId) {
        Viewer viewer = mayGovern(datasetId);
        if (viewer.role() != Role.DATA_MANAGER) {
            policy.audit(viewer, "denied", "denied", datasetId, "agreements", null, "administrators may not make or change agreements");
            throw new ApiProblem(HttpStatus.FORBIDDEN, "access-denied", "Forbidden",
                    "Only the owning partner's data managers may make or change this dataset's agreements; "
                            + "administrators may withdraw them");
        }
        return viewer;
    }

    private Viewer mayGovern(long datasetId) {
        policy.require(datasetId, AccessLevel.METADATA, "agreements");
        Viewer viewer = policy.currentViewer();
        var governance = access.governance(datasetId).orElseThrow();
        boolean ownersDataManager = viewer.role() == Role.DATA_MANAGER && viewer.partnerId() != null
                && viewer.partnerId().equals(governance.ownerPartnerId());
        if (!viewer.isAdmin() && !ownersDataManager) {
            policy.audit(viewer, "denied", "denied", datasetId, "agreements", null, "not allowed to govern");
            throw new ApiProblem(HttpStatus.FORBIDDEN, "access-denied", "Forbidden",
                    "Only administrators and the owning partner's data managers may change this dataset's agreements");
        }
        if (governance.openData()) {
            throw ApiProblem.badRequest("invalid-request", "This dataset is open data; it needs no sharing agreement");
        }
        return viewer;
    }

    private void validate(AgreementRequest r) {
        AccountController.required(r.title(), "title");
        AccountController.required(r.purpose(), "purpose");
        AccountController.required(r.legalBasis(), "legalBasis");
        if (r.startDate() == null || r.expiryDate() == null) {
            throw ApiProblem.badRequest("invalid-request", "startDate and expiryDate are required (YYYY-MM-DD)");
        }
        if (r.expiryDate().isBefore(r.startDate())) {
            throw ApiProblem.badRequest("invalid-request", "expiryDate must not be before startDate");
        }
        if (r.reviewDate() != null && (r.reviewDate().isBefore(r.startDate()) || r.reviewDate().isAfter(r.expiryDate()))) {
            throw ApiProblem.badRequest("invalid-request", "reviewDate must fall between startDate and expiryDate");
        }
        if (r.recipients() == null || r.recipients().isEmpty()) {
            throw ApiProblem.badRequest("invalid-request", "an agreement needs at least one recipient");
        }
        for (RecipientRequest recipient : r.recipients()) {
            if (recipient.partnerId() == null && recipient.role() == null) {
                throw ApiProblem.badRequest("invalid-request", "each recipient names a partner, a role, or both");
            }
            if (recipient.partnerId() != null && accounts.partner(recipient.partnerId()).isEmpty()) {
                throw ApiProblem.badRequest("invalid-request", "recipient partnerId " + recipient.partnerId() + " does not exist");
            }
            if (recipient.role() != null && !recipient.role().equals("public") && Role.fromKey(recipient.role()).isEmpty()) {
                throw ApiProblem.badRequest("invalid-request", "recipient role must be admin, data-manager, analyst, officer, viewer or public");
            }
            if (recipient.accessLevel() == null || !LEVELS.contains(recipient.accessLevel())) {
                throw ApiProblem.badRequest("invalid-request", "recipient accessLevel must be record, aggregate or public");
            }
            if ("public".equals(recipient.role()) && !"public".equals(recipient.accessLevel())) {
                throw ApiProblem.badRequest("invalid-request", "the public may only be given the public level");
            }
            if (recipient.minGeography() != null && !GEOGRAPHIES.contains(recipient.minGeography())) {
                throw ApiProblem.badRequest("invalid-request", "recipient minGeography must be lsoa, msoa, ward or district");
            }
        }
    }
}
