/**
 * Statistical disclosure control for counts by area: primary suppression of small counts, secondary
 * suppression so that no suppressed count can be recovered from a parent total and its other parts
 * (across every pair of nested or overlapping geographies), rounding for the public, and the rule for
 * custom areas. Pure code with no database, so the rules can be checked on hand-made cases.
 */
package org.patchwork.disclosure;
