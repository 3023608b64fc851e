package org.patchwork.hotspots;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.patchwork.mapimage.HotspotLayers;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A finished hotspot run as a briefing's hotspot layer (collection {@code hotspots-{id}}): its hotspot polygons and
 * its PAI and RRI against the next period. Reading it goes through {@link HotspotRuns#require}, so the briefing
 * shows a run only to someone who may read it (404/403 and audited otherwise, as the API).
 */
@Component
class HotspotBriefingLayers implements HotspotLayers {

    private static final Pattern COLLECTION = Pattern.compile("hotspots-(\\d{1,18})");

    private final HotspotRuns runs;
    private final JdbcClient jdbc;

    HotspotBriefingLayers(HotspotRuns runs, JdbcClient jdbc) {
        this.runs = runs;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<HotspotLayer> find(String collectionId) {
        Matcher m = COLLECTION.matcher(collectionId == null ? "" : collectionId);
        if (!m.matches()) {
            return Optional.empty();
        }
        HotspotRun run = runs.require(Long.parseLong(m.group(1)), "map-image");
        if (!"succeeded".equals(run.state()) || run.result() == null) {
            return Optional.empty();
        }
        Object accuracy = run.result().get("accuracy");
        Map<?, ?> measured = accuracy instanceof Map<?, ?> map ? map : Map.of();
        WKBReader wkb = new WKBReader();
        List<Geometry> polygons = jdbc.sql(SqlScripts.load("hotspots/hotspot_polygons")).param("run", run.id())
                .query((rs, i) -> read(wkb, rs.getBytes("wkb"))).list();
        String period = run.from().equals(run.to()) ? run.from().toString() : run.from() + " to " + run.to();
        return Optional.of(new HotspotLayer("Hotspots: " + run.dataset(), run.method(), period,
                number(measured.get("pai")), number(measured.get("rri")), polygons));
    }

    private static Geometry read(WKBReader wkb, byte[] bytes) {
        try {
            return wkb.read(bytes);
        } catch (ParseException e) {
            throw new IllegalStateException("a hotspot feature's geometry could not be read", e);
        }
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
