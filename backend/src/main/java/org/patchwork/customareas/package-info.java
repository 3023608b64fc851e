/**
 * Custom areas: a partnership's own neighbourhoods (a regeneration zone, a beat, a patch), drawn on the map
 * or listed as LSOAs, saved by name and shared with everyone signed in. Each is stored as whole LSOAs, so
 * its numbers are counts of whole LSOA cells and the custom-area ledger ({@code events.CustomAreaLedger})
 * protects them against differencing; indicators, area profiles and the OGC API use them like a boundary set.
 */
package org.patchwork.customareas;
