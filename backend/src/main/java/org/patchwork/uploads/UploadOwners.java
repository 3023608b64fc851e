package org.patchwork.uploads;

import java.util.UUID;
import org.patchwork.access.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who sent each upload. An upload id is a capability anyone could learn (from a log, a screenshot, a
 * shared screen), so its preview and its load are for the user and partner that sent it only.
 */
@Repository
class UploadOwners {

    private final JdbcClient jdbc;

    UploadOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(UUID uploadId, Viewer sender) {
        jdbc.sql("insert into upload_owner (upload_id, username, partner_id) values (:id, :username, :partner)")
                .param("id", uploadId).param("username", sender.username()).param("partner", sender.partnerId()).update();
    }

    boolean sentBy(UUID uploadId, Viewer viewer) {
        return jdbc.sql("select count(*) from upload_owner where upload_id = :id and username = :username "
                        + "and partner_id is not distinct from :partner")
                .param("id", uploadId).param("username", viewer.username()).param("partner", viewer.partnerId())
                .query(Long.class).single() > 0;
    }
}
