package org.patchwork.audit;

import java.time.OffsetDateTime;

/** Filters for searching the audit trail; null means any. */
public record AuditSearch(String username, Long partnerId, String action, String outcome, Long datasetId,
                          OffsetDateTime from, OffsetDateTime to, int limit) {
}
