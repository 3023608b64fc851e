package org.patchwork.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.List;
import org.patchwork.sql.SqlScripts;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and searches the audit trail. Entries are written in their own transaction, so a denial or a
 * failed request is still recorded when the request's own work rolls back.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(AuditEntry entry) {
        jdbc.sql(SqlScripts.load("audit/insert"))
                .param("username", entry.username()).param("partner_id", entry.partnerId())
                .param("partner", entry.partner()).param("action", entry.action()).param("outcome", entry.outcome())
                .param("dataset_id", entry.datasetId()).param("dataset_version", entry.datasetVersion())
                .param("output", entry.output()).param("row_count", entry.rowCount())
                .param("detail", entry.detail() == null ? null : truncate(entry.detail()))
                .param("request_id", MDC.get("requestId")).param("client_ip", clientIp())
                .update();
    }

    /** Audit rows as they were written, newest first. */
    public record AuditRow(long id, OffsetDateTime at, String username, Long partnerId, String partner, String action,
                           String outcome, Long datasetId, Integer datasetVersion, String output, Integer rowCount,
                           String detail, String requestId, String clientIp) {
    }

    /** Search by any combination of the filters (null = any); at most {@code limit} rows. */
    public List<AuditRow> search(AuditSearch search) {
        return jdbc.sql(SqlScripts.load("audit/search"))
                .param("username", search.username()).param("partner_id", search.partnerId())
                .param("action", search.action()).param("outcome", search.outcome())
                .param("dataset_id", search.datasetId()).param("from", search.from()).param("to", search.to())
                .param("limit", search.limit())
                .query(AuditRow.class).list();
    }

    /** Evidence of use: per dataset and partner, how often each kind of access happened, and how many rows. */
    public record UsageRow(Long datasetId, String dataset, Long partnerId, String partner, String action,
                           String outcome, long events, long rows, OffsetDateTime lastAt) {
    }

    public List<UsageRow> usage(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql(SqlScripts.load("audit/usage")).param("from", from).param("to", to)
                .query(UsageRow.class).list();
    }

    private static String truncate(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
