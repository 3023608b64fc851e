/**
 * The neighbourhood geographies everything is aggregated to and the reference data that comes with them:
 * LSOA, MSOA, ward and district boundaries in British National Grid, the ONS best-fit hierarchy that nests
 * them, the 2011→2021 LSOA changes, the population of each LSOA and the IMD 2019 index and domains. It
 * also serves the four boundary sets as collections.
 */
package org.patchwork.boundaries;
