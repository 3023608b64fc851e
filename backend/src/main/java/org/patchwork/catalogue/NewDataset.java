package org.patchwork.catalogue;

import java.time.LocalDate;

/**
 * What a loader knows about a dataset before its rows are in. Open data (published under the OGL) is
 * visible to everyone who may use the app; other datasets belong to {@code ownerPartnerId} and are
 * shared only through sharing agreements.
 */
public record NewDataset(String slug, String title, Theme theme, String source, String licence,
                         String coverage, LocalDate coverageStart, LocalDate coverageEnd,
                         String sourceSha256, String sourceCrs, Long ownerPartnerId, boolean openData) {

    /** Published open data with no owner partner. */
    public static NewDataset openData(String slug, String title, Theme theme, String source, String licence,
                                      String coverage, LocalDate coverageStart, LocalDate coverageEnd,
                                      String sourceSha256, String sourceCrs) {
        return new NewDataset(slug, title, theme, source, licence, coverage, coverageStart, coverageEnd,
                sourceSha256, sourceCrs, null, true);
    }
}
