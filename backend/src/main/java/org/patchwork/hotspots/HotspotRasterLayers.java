package org.patchwork.hotspots;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchwork.export.RasterLayers;
import org.springframework.stereotype.Component;

/** A KDE run's density surface as the raster of its collection {@code hotspots-{id}}, for GeoTIFF export. */
@Component
class HotspotRasterLayers implements RasterLayers {

    private static final Pattern COLLECTION = Pattern.compile("hotspots-(\\d{1,18})");

    private final HotspotRuns runs;

    HotspotRasterLayers(HotspotRuns runs) {
        this.runs = runs;
    }

    @Override
    public Optional<byte[]> geoTiff(String collectionId) {
        Matcher m = COLLECTION.matcher(collectionId == null ? "" : collectionId);
        if (!m.matches()) {
            return Optional.empty();
        }
        HotspotRun run = runs.require(Long.parseLong(m.group(1)), "export-tif");
        return run.hasSurface() ? Optional.of(runs.surface(run.id())) : Optional.empty();
    }
}
