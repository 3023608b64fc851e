package org.patchwork.access;

import java.util.List;
import java.util.Optional;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the access decision reads: a dataset's owner and disclosure settings, and the agreements in force today. */
@Repository
class AccessStore {

    private final JdbcClient jdbc;

    AccessStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Governance(long id, Long ownerPartnerId, boolean openData, int aggregateMaxSuppressed,
                      int publicMaxSuppressed, int publicRounding) {
    }

    record Grant(long agreementId, String accessLevel, String minGeography, String createdBy) {
    }

    Optional<Governance> governance(long datasetId) {
        return jdbc.sql("select id, owner_partner_id, open_data, aggregate_max_suppressed, public_max_suppressed, "
                        + "public_rounding from dataset where id = :id")
                .param("id", datasetId).query(Governance.class).optional();
    }

    /** The recipients of agreements in force today that name this viewer (by partner, role, both, or the public). */
    List<Grant> grants(long datasetId, Viewer viewer) {
        return jdbc.sql(SqlScripts.load("access/grants"))
                .param("dataset_id", datasetId)
                .param("partner_id", viewer.partnerId())
                .param("role", viewer.role() == null ? null : viewer.role().key())
                .query(Grant.class).list();
    }

    List<Long> datasetIds() {
        return jdbc.sql("select id from dataset order by id").query(Long.class).list();
    }
}
