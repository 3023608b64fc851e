/**
 * Indicators as public health analysts use them: a dataset, a filter (categories, months), a measure
 * (a count, a rate per 1,000 or 100,000 residents, or an area statistic as loaded) and a geography, saved
 * by name and shared with the partnership. Values come with Fingertips intervals and comparisons with the
 * district and the partnership (package {@code rates}), by month, quarter and year with a trend test, and as
 * funnel plot data. Every number is computed from the counts the viewer may see ({@code events.EventCounts},
 * {@code statistics.StatisticsSlices}), after the one access decision, and every read is audited.
 */
package org.patchwork.indicators;
