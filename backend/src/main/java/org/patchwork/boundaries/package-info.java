/**
 * The neighbourhood geographies everything is aggregated to: LSOA, MSOA, ward and district boundaries in
 * British National Grid, the ONS best-fit hierarchy that nests them, and the population of each LSOA.
 */
package org.patchwork.boundaries;
