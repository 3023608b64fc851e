/**
 * What Patchwork loads on first start so that the first screen is useful: the real Merseyside boundaries,
 * lookup, population and IMD 2019 from the shared data directory, or a generated demo set without it.
 */
package org.patchwork.setup;
