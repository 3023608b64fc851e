package org.patchwork.catalogue;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A loaded dataset as the catalogue lists it; kind is reference, events, area-statistics or polygons. */
public record Dataset(long id, String slug, String title, String theme, String source, String licence,
                      String coverage, String description, String updateFrequency,
                      LocalDate coverageStart, LocalDate coverageEnd, String sourceCrs,
                      int rowsRead, int rowsLoaded, int rowsRepaired, int rowsRejected,
                      OffsetDateTime loadedAt, Long ownerPartnerId, String ownerPartner, boolean openData,
                      String kind) {
}
