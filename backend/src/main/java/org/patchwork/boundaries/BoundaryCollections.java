package org.patchwork.boundaries;

import org.patchwork.geography.BoundaryLevel;
import java.util.List;
import java.util.Optional;
import org.patchwork.access.Viewer;
import org.patchwork.layers.CollectionSource;
import org.patchwork.layers.FeatureCollection;
import org.patchwork.layers.ViewItems;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The four boundary sets as collections: open data, with population and deprivation as properties. */
@Component
@Order(1)
class BoundaryCollections implements CollectionSource {

    private static final List<String> SUMMARY_QUERYABLES = List.of("code", "name", "lad_code");

    static final List<FeatureCollection> BOUNDARY_SETS = List.of(
            boundaries(BoundaryLevel.LSOA, "Lower layer super output areas (LSOA 2011)",
                    "LSOA 2011 boundaries with their MSOA, ward and district, mid-2015 population and the "
                            + "IMD 2019 rank and decile of the index and its seven domains.",
                    List.of("code", "name", "msoa_code", "ward_code", "lad_code", "imd_decile")),
            boundaries(BoundaryLevel.MSOA, "Middle layer super output areas (MSOA 2011)",
                    "MSOA 2011 boundaries with their district, population, and the share of their LSOAs in "
                            + "England's most deprived 10% on the IMD 2019 and each domain.", SUMMARY_QUERYABLES),
            boundaries(BoundaryLevel.WARD, "Electoral wards (December 2021)",
                    "Ward boundaries with their district, population of their best-fit LSOAs, and the share "
                            + "of those LSOAs in England's most deprived 10% on the IMD 2019 and each domain.", SUMMARY_QUERYABLES),
            boundaries(BoundaryLevel.DISTRICT, "Local authority districts (2021)",
                    "District boundaries with population and the share of LSOAs in England's most deprived 10% "
                            + "on the IMD 2019 and each domain.", SUMMARY_QUERYABLES));

    private static FeatureCollection boundaries(BoundaryLevel level, String title, String description, List<String> queryables) {
        return new FeatureCollection(level.id(), title, description, queryables, null,
                new ViewItems("feature_" + level.id(), ViewItems.COLUMNS, false));
    }

    @Override
    public List<FeatureCollection> visible(Viewer viewer) {
        return BOUNDARY_SETS;
    }

    @Override
    public Optional<Claim> claim(String id) {
        return BOUNDARY_SETS.stream().filter(c -> c.id().equals(id)).findFirst()
                .map(collection -> new Claim(null, output -> collection));
    }
}
