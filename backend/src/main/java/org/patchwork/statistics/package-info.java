/**
 * Statistics keyed by area code that partners upload (rates, counts, scores by LSOA, MSOA, ward or
 * district): published versions, and their values for the map with counts perturbed (cell-key method) for people
 * whose agreement gives aggregates only.
 */
package org.patchwork.statistics;
