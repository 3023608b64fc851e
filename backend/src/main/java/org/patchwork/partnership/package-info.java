/**
 * The partnership's area: a list of local authority districts (2021), a police force area by name, or all
 * of England, set by {@code PATCHWORK_AREA} on first start and widened later on the admin page. Loads the
 * boundaries (national LSOAs; MSOAs, wards and districts dissolved from them), deprivation and population
 * of exactly those districts, and tells uploads what the area is.
 */
package org.patchwork.partnership;
