/**
 * The shared vocabulary of geography: the boundary levels Patchwork aggregates to, smallest first. It
 * depends on nothing, so every feature (access rules included) can name levels the same way.
 */
package org.patchwork.geography;
