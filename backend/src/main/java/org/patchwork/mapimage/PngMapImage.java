package org.patchwork.mapimage;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** A map sheet as a PNG: title, map, legend with counts, and the notes (made, method, disclosure, attribution). */
final class PngMapImage {

    private PngMapImage() {
    }

    static byte[] png(MapSheet sheet, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            SheetLayout layout = SheetLayout.of(width, height);
            g.setColor(new Color(0x1b1b1b));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) SheetLayout.TITLE_SIZE));
            g.drawString(sheet.title(), (float) layout.margin(), (float) layout.titleBaseline());
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) SheetLayout.SUBTITLE_SIZE));
            g.setColor(new Color(0x444444));
            g.drawString(sheet.subtitle(), (float) layout.margin(), (float) layout.subtitleBaseline());
            MapPicture.draw(g, sheet, layout.map());
            legend(g, sheet, layout.legend());
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) SheetLayout.NOTE_SIZE));
            g.setColor(new Color(0x333333));
            String[] notes = {sheet.made() + " · " + sheet.method(), sheet.disclosure(), sheet.attribution()};
            for (int i = 0; i < notes.length; i++) {
                g.drawString(notes[i], (float) layout.margin(), (float) layout.noteBaselines()[i]);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The legend panel: its title (wrapped), then one swatch and "label (count)" per class. */
    static void legend(Graphics2D g, MapSheet sheet, Rectangle2D panel) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        double y = panel.getY() + 14;
        for (String line : wrap(sheet.legendTitle(), g.getFontMetrics(), panel.getWidth())) {
            g.drawString(line, (float) panel.getX(), (float) y);
            y += 15;
        }
        y += 6;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, (int) SheetLayout.LEGEND_SIZE));
        for (MapSheet.LegendEntry entry : sheet.legend()) {
            g.setColor(MapSheet.colour(entry.colour()));
            g.fill(new Rectangle2D.Double(panel.getX(), y - 11, 22, 14));
            g.setColor(new Color(0x666666));
            g.draw(new Rectangle2D.Double(panel.getX(), y - 11, 22, 14));
            g.setColor(Color.BLACK);
            g.drawString(entry.label() + " (" + entry.count() + ")", (float) panel.getX() + 30, (float) y);
            y += 20;
        }
    }

    static List<String> wrap(String text, FontMetrics metrics, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && metrics.stringWidth(candidate) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
