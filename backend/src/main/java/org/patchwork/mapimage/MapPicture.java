package org.patchwork.mapimage;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.Locale;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Draws the map itself into a rectangle of a Graphics2D: the frame scaled to fit with north up (British
 * National Grid, so a metre is the same length both ways), the filled areas, outlines, hotspots, a scale bar
 * and a north arrow. Pure drawing: the same sheet and rectangle give the same pixels.
 */
final class MapPicture {

    static final Color BACKGROUND = new Color(0xf4f6f8);

    private MapPicture() {
    }

    /** Metres per unit of the drawing for a frame fitted in a rectangle. */
    static double metresPerUnit(Envelope frame, Rectangle2D rect) {
        return Math.max(frame.getWidth() / rect.getWidth(), frame.getHeight() / rect.getHeight());
    }

    static void draw(Graphics2D g, MapSheet sheet, Rectangle2D rect) {
        Envelope frame = sheet.frame();
        double perUnit = metresPerUnit(frame, rect);
        double offsetX = rect.getX() + (rect.getWidth() - frame.getWidth() / perUnit) / 2;
        double offsetY = rect.getY() + (rect.getHeight() - frame.getHeight() / perUnit) / 2;
        ShapeWriter writer = new ShapeWriter((src, dest) -> dest.setLocation(offsetX + (src.x - frame.getMinX()) / perUnit,
                offsetY + (frame.getMaxY() - src.y) / perUnit));
        Shape clip = g.getClip();
        g.clip(rect);
        g.setColor(BACKGROUND);
        g.fill(rect);
        g.setStroke(new BasicStroke(0.5f));
        for (MapSheet.Fill fill : sheet.fills()) {
            Shape shape = writer.toShape(fill.geometry());
            g.setColor(MapSheet.colour(fill.colour()));
            g.fill(shape);
            g.setColor(new Color(255, 255, 255, 200));
            g.draw(shape);
        }
        g.setColor(new Color(0x333333));
        g.setStroke(new BasicStroke(1.2f));
        for (Geometry outline : sheet.outlines()) {
            g.draw(writer.toShape(outline));
        }
        g.setStroke(new BasicStroke(2f));
        for (Geometry hotspot : sheet.hotspots()) {
            Shape shape = writer.toShape(hotspot);
            g.setColor(new Color(0xd7, 0x30, 0x27, 90));
            g.fill(shape);
            g.setColor(new Color(0xa50026));
            g.draw(shape);
        }
        g.setClip(clip);
        g.setColor(new Color(0x666666));
        g.setStroke(new BasicStroke(1f));
        g.draw(rect);
        scaleBar(g, rect, perUnit);
        northArrow(g, rect);
    }

    /** A bar of a round length (1, 2 or 5 times a power of ten metres) near a quarter of the map's width. */
    static double scaleBarMetres(double metresPerUnit, double mapWidth) {
        double target = metresPerUnit * mapWidth / 4;
        double power = Math.pow(10, Math.floor(Math.log10(target)));
        double best = power;
        for (double step : new double[] {1, 2, 5}) {
            if (step * power <= target) {
                best = step * power;
            }
        }
        return best;
    }

    static String scaleLabel(double metres) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.UK);
        f.setMaximumFractionDigits(1);
        return metres >= 1000 ? f.format(metres / 1000) + " km" : f.format(metres) + " m";
    }

    private static void scaleBar(Graphics2D g, Rectangle2D rect, double perUnit) {
        double metres = scaleBarMetres(perUnit, rect.getWidth());
        double length = metres / perUnit;
        double x = rect.getX() + 12;
        double y = rect.getMaxY() - 14;
        g.setColor(new Color(255, 255, 255, 210));
        g.fill(new Rectangle2D.Double(x - 6, y - 22, length + 12, 30));
        g.setColor(Color.BLACK);
        g.fill(new Rectangle2D.Double(x, y - 4, length / 2, 5));
        g.draw(new Rectangle2D.Double(x, y - 4, length, 5));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString("0", (float) x - 3, (float) y - 8);
        String label = scaleLabel(metres);
        g.drawString(label, (float) (x + length - g.getFontMetrics().stringWidth(label) / 2.0), (float) y - 8);
    }

    private static void northArrow(Graphics2D g, Rectangle2D rect) {
        double cx = rect.getMaxX() - 26;
        double top = rect.getY() + 14;
        Path2D arrow = new Path2D.Double();
        arrow.moveTo(cx, top);
        arrow.lineTo(cx + 9, top + 26);
        arrow.lineTo(cx, top + 20);
        arrow.lineTo(cx - 9, top + 26);
        arrow.closePath();
        g.setColor(new Color(255, 255, 255, 210));
        g.fill(new Rectangle2D.Double(cx - 15, top - 4, 30, 48));
        g.setColor(Color.BLACK);
        g.fill(arrow);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.drawString("N", (float) cx - 4.5f, (float) top + 40);
    }
}
