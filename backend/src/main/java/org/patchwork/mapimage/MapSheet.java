package org.patchwork.mapimage;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Everything a map image shows, decided before drawing so the PNG and the PDF say the same: the frame in
 * British National Grid, the filled areas, outlines, hotspot polygons, the legend and the notes.
 */
record MapSheet(String title, String subtitle, Envelope frame, List<Fill> fills, List<Geometry> outlines, List<Geometry> hotspots,
                String legendTitle, List<LegendEntry> legend, String method, String made, String disclosure, String attribution,
                List<TopArea> topAreas, String hotspotSummary) {

    /** An area filled with its class colour. */
    record Fill(Geometry geometry, String colour) {
    }

    /** One legend line: a swatch, its label and how many areas are in the class. */
    record LegendEntry(String colour, String label, int count) {
    }

    /** A row of the briefing's top areas table. */
    record TopArea(String name, String code, String value, String comparison) {
    }

    static java.awt.Color colour(String hex) {
        return new java.awt.Color(Integer.parseInt(hex.substring(1), 16));
    }
}
