/**
 * Area statistics joined to neighbourhoods by code. The first is the English Indices of Deprivation 2019
 * (rank and decile of the index and its seven domains per LSOA); counts, rates and intervals follow.
 */
package org.patchwork.indicators;
