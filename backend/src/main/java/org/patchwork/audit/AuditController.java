package org.patchwork.audit;

import java.time.OffsetDateTime;
import java.util.List;
import org.patchwork.web.ApiProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Searching the audit trail and the usage report, for administrators ({@code /api/admin/**}). Read-only. */
@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/admin/audit")
    List<AuditLog.AuditRow> search(@RequestParam(required = false) String username,
                                   @RequestParam(required = false) Long partnerId,
                                   @RequestParam(required = false) String action,
                                   @RequestParam(required = false) String outcome,
                                   @RequestParam(required = false) Long datasetId,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                                   @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 5000) {
            throw ApiProblem.badRequest("invalid-parameter", "limit must be from 1 to 5000");
        }
        return audit.search(new AuditSearch(blankToNull(username), partnerId, blankToNull(action), blankToNull(outcome),
                datasetId, from, to, limit));
    }

    @GetMapping("/api/admin/usage")
    List<AuditLog.UsageRow> usage(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to) {
        return audit.usage(from, to);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
