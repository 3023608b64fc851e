/**
 * Statistics keyed by area code (rates, counts, scores by LSOA, MSOA, ward or district), uploaded by
 * partners or loaded as reference data (IMD 2019): this kind's upload pipeline, its published versions,
 * and its values by code for the map, the API and OGC API Features, with counts perturbed (cell-key method) for people
 * whose agreement gives aggregates only.
 */
package org.patchwork.statistics;
