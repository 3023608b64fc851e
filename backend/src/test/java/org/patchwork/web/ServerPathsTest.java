package org.patchwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerPathsTest {

    @Test
    void aServerPathBecomesTheFileName() {
        assertThat(ServerPaths.scrub("Unable to open datasource `/tmp/patchwork-uploads/3f2a/original-pic.csv' (No such file)"))
                .isEqualTo("Unable to open datasource `pic.csv' (No such file)");
        assertThat(ServerPaths.scrub("crimes.zip: could not be prepared: /var/lib/patchwork/uploads/ab/unpacked/x.shp"))
                .isEqualTo("crimes.zip: could not be prepared: x.shp");
    }

    @Test
    void datesUrlsAndTheAppsOwnPathsAreKept() {
        String text = "not a date: use YYYY-MM, YYYY-MM-DD or DD/MM/YYYY; the 2019/20 year; uploadId must be the id returned by "
                + "POST /api/uploads; see http://localhost:8080/ogc/collections and /problems/upload-rejected; 1/2 of rows";
        assertThat(ServerPaths.scrub(text)).isEqualTo(text);
    }
}
