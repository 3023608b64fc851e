package org.patchwork.catalogue;

import java.time.LocalDate;

/** What a loader knows about a dataset before its rows are in. */
public record NewDataset(String slug, String title, Theme theme, String source, String licence,
                         String coverage, LocalDate coverageStart, LocalDate coverageEnd,
                         String sourceSha256, String sourceCrs) {
}
