package org.patchwork.tiles;

import java.util.Arrays;
import java.util.Optional;

/**
 * The boundary collections served as vector tiles, one tile layer each (named as the collection), with
 * the SQL expression that gives each area its district: an LSOA's from the ONS lookup, an MSOA's or a
 * ward's from its best-fit LSOAs (as the feature views do), a district's its own code.
 */
enum TileLayer {
    LSOA("lsoa", "Lower layer super output areas (LSOA 2011)",
            "(select h.lad_code from lsoa_hierarchy h where h.lsoa_code = a.code)"),
    MSOA("msoa", "Middle layer super output areas (MSOA 2011)",
            "(select min(h.lad_code) from lsoa_hierarchy h where h.msoa_code = a.code)"),
    WARD("ward", "Electoral wards (December 2021)",
            "(select min(h.lad_code) from lsoa_hierarchy h where h.ward_code = a.code)"),
    DISTRICT("district", "Local authority districts (2021)", "a.code");

    private final String id;
    private final String title;
    private final String ladCodeSql;

    TileLayer(String id, String title, String ladCodeSql) {
        this.id = id;
        this.title = title;
        this.ladCodeSql = ladCodeSql;
    }

    static Optional<TileLayer> of(String collectionId) {
        return Arrays.stream(values()).filter(layer -> layer.id.equals(collectionId)).findFirst();
    }

    /** The collection id, which is also the boundary level and the layer name inside each tile. */
    String id() {
        return id;
    }

    String title() {
        return title;
    }

    String ladCodeSql() {
        return ladCodeSql;
    }
}
