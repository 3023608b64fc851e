package org.patchwork.boundaries;

import org.patchwork.geography.BoundaryLevel;
import java.nio.file.Path;
import org.patchwork.catalogue.NewDataset;
import org.patchwork.catalogue.Theme;

/**
 * A boundary file to load: which level its polygons are, and which of its fields hold the area code
 * and (optionally) the name. Field names are as ogr2ogr launders them (lower case).
 */
public record BoundaryFile(BoundaryLevel level, Path path, String codeField, String nameField,
                           String slug, String title, String source, String licence, String coverage) {

    NewDataset describe(String sha256, int epsg) {
        return NewDataset.openData(slug, title, Theme.BOUNDARIES, source, licence, coverage, null, null, sha256,
                "EPSG:" + epsg);
    }
}
