package org.patchwork.access;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sharing agreements and their recipients. */
@Repository
class AgreementStore {

    private final JdbcClient jdbc;

    AgreementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Agreement(long id, long datasetId, String title, String purpose, String legalBasis, LocalDate startDate,
                     LocalDate reviewDate, LocalDate expiryDate, String createdBy, OffsetDateTime createdAt,
                     OffsetDateTime withdrawnAt, boolean inForce) {
    }

    record Recipient(Long partnerId, String partner, String role, String accessLevel, String minGeography) {
    }

    record AgreementDetail(Agreement agreement, List<Recipient> recipients) {
        AgreementDetail withoutAuthor() {
            Agreement a = agreement;
            return new AgreementDetail(new Agreement(a.id(), a.datasetId(), a.title(), a.purpose(), a.legalBasis(), a.startDate(),
                    a.reviewDate(), a.expiryDate(), null, a.createdAt(), a.withdrawnAt(), a.inForce()), recipients);
        }
    }

    List<AgreementDetail> forDataset(long datasetId) {
        return jdbc.sql(SqlScripts.load("access/agreements") + " where a.dataset_id = :dataset order by a.id")
                .param("dataset", datasetId).query(Agreement.class).list()
                .stream().map(a -> new AgreementDetail(a, recipients(a.id()))).toList();
    }

    Optional<Agreement> find(long id) {
        return jdbc.sql(SqlScripts.load("access/agreements") + " where a.id = :id").param("id", id)
                .query(Agreement.class).optional();
    }

    List<Recipient> recipients(long agreementId) {
        return jdbc.sql("select r.partner_id, p.name as partner, r.role, r.access_level, r.min_geography "
                        + "from agreement_recipient r left join partner p on p.id = r.partner_id "
                        + "where r.agreement_id = :id order by r.id")
                .param("id", agreementId).query(Recipient.class).list();
    }

    long create(long datasetId, AgreementController.AgreementRequest request, String createdBy) {
        long id = jdbc.sql("insert into sharing_agreement (dataset_id, title, purpose, legal_basis, start_date, review_date, "
                        + "expiry_date, created_by) values (:dataset, :title, :purpose, :basis, :start, :review, :expiry, :by) returning id")
                .param("dataset", datasetId).param("title", request.title()).param("purpose", request.purpose())
                .param("basis", request.legalBasis()).param("start", request.startDate()).param("review", request.reviewDate())
                .param("expiry", request.expiryDate()).param("by", createdBy).query(Long.class).single();
        addRecipients(id, request.recipients());
        return id;
    }

    void update(long id, AgreementController.AgreementRequest request) {
        jdbc.sql("update sharing_agreement set title = :title, purpose = :purpose, legal_basis = :basis, start_date = :start, "
                        + "review_date = :review, expiry_date = :expiry where id = :id")
                .param("title", request.title()).param("purpose", request.purpose()).param("basis", request.legalBasis())
                .param("start", request.startDate()).param("review", request.reviewDate()).param("expiry", request.expiryDate())
                .param("id", id).update();
        jdbc.sql("delete from agreement_recipient where agreement_id = :id").param("id", id).update();
        addRecipients(id, request.recipients());
    }

    void withdraw(long id) {
        jdbc.sql("update sharing_agreement set withdrawn_at = now() where id = :id and withdrawn_at is null").param("id", id).update();
    }

    private void addRecipients(long agreementId, List<AgreementController.RecipientRequest> recipients) {
        for (var r : recipients) {
            jdbc.sql("insert into agreement_recipient (agreement_id, partner_id, role, access_level, min_geography) "
                            + "values (:agreement, :partner, :role, :level, :geography)")
                    .param("agreement", agreementId).param("partner", r.partnerId()).param("role", r.role())
                    .param("level", r.accessLevel()).param("geography", r.minGeography() == null ? "lsoa" : r.minGeography())
                    .update();
        }
    }
}
