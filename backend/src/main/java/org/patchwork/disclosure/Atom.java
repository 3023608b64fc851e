package org.patchwork.disclosure;

import java.util.Map;

/**
 * The smallest area counts are made from (an LSOA), with the area it falls in at every other level
 * (ONS best fit), so that every published area is exactly a union of atoms.
 *
 * @param areas level → area code, e.g. {lsoa=E01006512, msoa=E02001377, ward=E05000886, district=E08000012}
 */
public record Atom(Map<String, String> areas, long count) {
}
