package org.patchwork.events;

import java.util.Map;

/**
 * The events of one loaded LSOA (for one category and month range): their number and the sum of their
 * record keys, with the area the LSOA falls in at every level (ONS best fit), so that every published
 * area is a union of LSOAs and its count and key sum are sums over them.
 *
 * @param areas level → area code, e.g. {lsoa=E01006512, msoa=E02001377, ward=E05000886, district=E08000012}
 */
record LsoaCell(Map<String, String> areas, long count, long keySum) {
}
