package org.patchwork.audit;

/**
 * One audited act. {@code action} is one of login, login-failed, logout, record-access, aggregate-access,
 * export, upload, agreement-change, account-change, denied; {@code outcome} allowed, denied or failed.
 */
public record AuditEntry(String username, Long partnerId, String partner, String action, String outcome,
                         Long datasetId, Integer datasetVersion, String output, Integer rowCount, String detail) {
}
