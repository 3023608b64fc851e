package org.patchwork.mapimage;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Map sheets as PDF: the map picture embedded as an image (drawn by {@link MapPicture} at twice or three times
 * the page resolution), everything else (title, legend, tables, notes) as real PDF text so that it can be read,
 * searched and copied. Two layouts: the map image at the requested size, and the A4 briefing page.
 */
final class PdfSheets {

    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private PdfSheets() {
    }

    /** The map image as a one-page PDF of width × height points. */
    static byte[] map(MapSheet sheet, int width, int height) {
        SheetLayout layout = SheetLayout.of(width, height);
        return document(sheet, new PDRectangle(width, height), (page) -> {
            page.text(layout.margin(), layout.titleBaseline(), SheetLayout.TITLE_SIZE, true, sheet.title());
            page.text(layout.margin(), layout.subtitleBaseline(), SheetLayout.SUBTITLE_SIZE, false, sheet.subtitle());
            page.map(sheet, layout.map(), 2);
            page.legend(sheet, layout.legend());
            String[] notes = {sheet.made() + " · " + sheet.method(), sheet.disclosure(), sheet.attribution()};
            for (int i = 0; i < notes.length; i++) {
                page.text(layout.margin(), layout.noteBaselines()[i], SheetLayout.NOTE_SIZE, false, notes[i]);
            }
        });
    }

    /** The A4 briefing page: map and legend, the top areas, the method, hotspots with their PAI, and the notes. */
    static byte[] briefing(MapSheet sheet) {
        PDRectangle a4 = PDRectangle.A4;
        return document(sheet, a4, (page) -> {
            double margin = 36;
            double width = a4.getWidth() - 2 * margin;
            page.text(margin, 50, 17, true, sheet.title());
            page.text(margin, 66, 10, false, sheet.subtitle());
            Rectangle2D map = new Rectangle2D.Double(margin, 78, width - 170, 320);
            page.map(sheet, map, 3);
            page.legend(sheet, new Rectangle2D.Double(map.getMaxX() + 12, 78, 158, 320));
            double y = 424;
            page.text(margin, y, 12, true, "Top areas");
            y += 16;
            double[] columns = {margin, margin + 230, margin + 320, margin + 410};
            String[] headings = {"Area", "Code", "Value", "Compared"};
            for (int i = 0; i < columns.length; i++) {
                page.text(columns[i], y, 9, true, headings[i]);
            }
            for (MapSheet.TopArea area : sheet.topAreas()) {
                y += 13;
                page.text(columns[0], y, 9, false, area.name());
                page.text(columns[1], y, 9, false, area.code());
                page.text(columns[2], y, 9, false, area.value());
                page.text(columns[3], y, 9, false, area.comparison());
            }
            if (sheet.topAreas().isEmpty()) {
                y += 13;
                page.text(columns[0], y, 9, false, "No area has a value to show.");
            }
            y += 26;
            page.text(margin, y, 12, true, "Method");
            y = page.paragraph(margin, y + 14, width, 9, sheet.method()) + 10;
            if (sheet.hotspotSummary() != null) {
                page.text(margin, y, 12, true, "Hotspots");
                y = page.paragraph(margin, y + 14, width, 9, sheet.hotspotSummary()) + 10;
            }
            double notes = a4.getHeight() - 70;
            page.paragraph(margin, notes, width, 8, sheet.made() + ". " + sheet.disclosure());
            page.paragraph(margin, notes + 24, width, 8, sheet.attribution());
        });
    }

    private interface Drawing {
        void draw(Page page) throws IOException;
    }

    private static byte[] document(MapSheet sheet, PDRectangle size, Drawing drawing) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage pdfPage = new PDPage(size);
            document.addPage(pdfPage);
            document.getDocumentInformation().setTitle(Page.encodable(sheet.title()));
            document.getDocumentInformation().setProducer("Patchwork");
            try (PDPageContentStream content = new PDPageContentStream(document, pdfPage)) {
                drawing.draw(new Page(document, content, size.getHeight()));
            }
            // a fixed document id from the content, so that the same request gives the same bytes
            COSString id = new COSString(digest(sheet.toString()));
            COSArray ids = new COSArray();
            ids.add(id);
            ids.add(id);
            document.getDocument().getTrailer().setItem(COSName.ID, ids);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] digest(String text) {
        try {
            return java.util.Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page being drawn, in coordinates from the top left like the PNG's. */
    private record Page(PDDocument document, PDPageContentStream content, double height) {

        void text(double x, double baseline, double size, boolean bold, String text) throws IOException {
            content.beginText();
            content.setNonStrokingColor(Color.BLACK);
            content.setFont(bold ? BOLD : REGULAR, (float) size);
            content.newLineAtOffset((float) x, (float) (height - baseline));
            content.showText(encodable(text));
            content.endText();
        }

        /** Text wrapped to a width; answers the baseline after the last line. */
        double paragraph(double x, double baseline, double width, double size, String text) throws IOException {
            double y = baseline;
            for (String line : wrap(encodable(text), size, width)) {
                text(x, y, size, false, line);
                y += size * 1.35;
            }
            return y;
        }

        void map(MapSheet sheet, Rectangle2D rect, int scale) throws IOException {
            BufferedImage image = new BufferedImage((int) Math.ceil(rect.getWidth() * scale), (int) Math.ceil(rect.getHeight() * scale),
                    BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
                g.transform(AffineTransform.getScaleInstance(scale, scale));
                MapPicture.draw(g, sheet, new Rectangle2D.Double(0, 0, rect.getWidth() - 1, rect.getHeight() - 1));
            } finally {
                g.dispose();
            }
            PDImageXObject picture = LosslessFactory.createFromImage(document, image);
            content.drawImage(picture, (float) rect.getX(), (float) (height - rect.getMaxY()), (float) rect.getWidth(),
                    (float) rect.getHeight());
        }

        void legend(MapSheet sheet, Rectangle2D panel) throws IOException {
            double y = panel.getY() + 12;
            for (String line : wrap(encodable(sheet.legendTitle()), 11, panel.getWidth())) {
                text(panel.getX(), y, 11, true, line);
                y += 14;
            }
            y += 6;
            for (MapSheet.LegendEntry entry : sheet.legend()) {
                content.setNonStrokingColor(MapSheet.colour(entry.colour()));
                content.setStrokingColor(new Color(0x666666));
                content.addRect((float) panel.getX(), (float) (height - y - 3), 20, 12);
                content.fillAndStroke();
                text(panel.getX() + 27, y + 6, 9, false, entry.label() + " (" + entry.count() + ")");
                y += 17;
            }
        }

        /** Text the standard Helvetica can show: its WinAnsi characters, anything else as "?". */
        static String encodable(String text) {
            StringBuilder out = new StringBuilder();
            for (char c : text.replace('\u2212', '-').replace('\u2264', '<').toCharArray()) {
                try {
                    REGULAR.encode(String.valueOf(c));
                    out.append(c);
                } catch (IOException | IllegalArgumentException e) {
                    out.append('?');
                }
            }
            return out.toString();
        }

        static List<String> wrap(String text, double size, double width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && REGULAR.getStringWidth(candidate) / 1000 * size > width) {
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
}
