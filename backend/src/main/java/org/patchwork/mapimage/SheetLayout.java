package org.patchwork.mapimage;

import java.awt.geom.Rectangle2D;

/**
 * Where the parts of a map image go on a page of width × height (pixels for PNG, points for PDF), measured
 * from the top left: the title block, the map, the legend panel on the right, and three lines of notes.
 */
record SheetLayout(double width, double height, double margin, double titleBaseline, double subtitleBaseline, Rectangle2D map,
                   Rectangle2D legend, double[] noteBaselines) {

    static final double TITLE_SIZE = 20;
    static final double SUBTITLE_SIZE = 12;
    static final double LEGEND_SIZE = 11;
    static final double NOTE_SIZE = 9;

    static SheetLayout of(double width, double height) {
        double margin = 14;
        double header = 62;
        double footer = 3 * 13 + 10;
        double legendWidth = Math.max(170, Math.min(300, width * 0.26));
        Rectangle2D map = new Rectangle2D.Double(margin, header, width - 3 * margin - legendWidth, height - header - footer - 6);
        Rectangle2D legend = new Rectangle2D.Double(map.getMaxX() + margin, header, legendWidth, map.getHeight());
        double firstNote = height - footer + 14;
        return new SheetLayout(width, height, margin, margin + TITLE_SIZE, margin + TITLE_SIZE + 20, map, legend,
                new double[] {firstNote, firstNote + 13, firstNote + 26});
    }
}
