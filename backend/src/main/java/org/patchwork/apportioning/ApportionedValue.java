package org.patchwork.apportioning;

/** One target area's apportioned value (null: no source with a value touches it) and the share of its area that sources cover. */
record ApportionedValue(String code, String name, Double value, double coverage) {
}
