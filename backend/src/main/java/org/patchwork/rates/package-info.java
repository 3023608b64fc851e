/**
 * The statistics public health analysts use for area indicators, following the published PHE/OHID
 * Fingertips methods: rates with Byar's or exact Poisson intervals, Wilson score intervals for
 * proportions, t intervals for means, comparison with a benchmark, trend tests and funnel plot limits.
 * Pure functions with no Spring or database, so that every number can be checked by hand.
 */
package org.patchwork.rates;
