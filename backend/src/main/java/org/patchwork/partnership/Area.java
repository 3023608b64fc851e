package org.patchwork.partnership;

import java.util.List;

/**
 * The partnership's area as stored: what it was set to, its name for people, its districts and how many
 * LSOAs are loaded for it.
 */
public record Area(String setting, String name, List<District> districts, int lsoas) {
}
