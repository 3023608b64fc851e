package org.patchwork.hotspots;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import org.geotools.api.geometry.Bounds;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.gce.geotiff.GeoTiffReader;
import org.geotools.referencing.CRS;

/**
 * A KDE run's density surface as a picture for a web map's image overlay: the GeoTIFF (EPSG:27700) resampled,
 * nearest cell, onto a north-up grid in Web Mercator covering the surface's longitude/latitude bounds (so Leaflet
 * can stretch it between two corners without skew), each pixel coloured by the run's classes (the lower bound of each
 * class in events per km², as saved with its polygons) in the hotspot page's colours, cells with density below the
 * lowest class pale, cells with none transparent.
 */
final class HeatSurfaceImage {

    /** A class: its number as saved with its polygon (KDE: multiple of the mean, or 1 for the top share) and lower bound. */
    record Threshold(int hotspotClass, double from) {
    }

    /** The PNG and its longitude/latitude bounds. */
    record Picture(byte[] png, double west, double south, double east, double north, int width, int height) {
    }

    private static final int WIDTH = 640;
    private static final double R = 6378137;   // the WGS 84 semi-major axis, Web Mercator's sphere
    /** The page's KDE colours (hotspots.js: HOT[min(4, max(1, class - 1))]), with the pale tone for any density. */
    private static final int[] HOT = {0x00fdae61, 0x00fdae61, 0x00f46d43, 0x00a50026, 0x0067001f};
    private static final int PALE = 0x59fee0d2;   // 35% opaque
    private static final int OPAQUE = 0xc0000000; // 75% opaque

    private HeatSurfaceImage() {
    }

    static Picture render(byte[] geoTiff, List<Threshold> thresholds) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(geoTiff))) {
            GeoTiffReader reader = new GeoTiffReader(in);
            GridCoverage2D coverage = reader.read(null);
            try {
                return render(coverage, thresholds);
            } finally {
                coverage.dispose(true);
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FactoryException | TransformException e) {
            throw new IllegalStateException("the density surface could not be projected", e);
        }
    }

    private static Picture render(GridCoverage2D coverage, List<Threshold> thresholds) throws FactoryException, TransformException, IOException {
        Raster raster = coverage.getRenderedImage().getData();
        Bounds bng = coverage.getEnvelope();
        double west = bng.getMinimum(0);
        double south = bng.getMinimum(1);
        double east = bng.getMaximum(0);
        double north = bng.getMaximum(1);
        int columns = raster.getWidth();
        int rows = raster.getHeight();
        double cellWidth = (east - west) / columns;
        double cellHeight = (north - south) / rows;

        // the surface's longitude/latitude bounds: its edges sampled, as they bend in WGS 84
        MathTransform toLonLat = CRS.findMathTransform(CRS.decode("EPSG:27700"), CRS.decode("EPSG:4326", true), true);
        int samples = 64;
        double[] edge = new double[samples * 8];
        for (int i = 0; i < samples; i++) {
            double t = (double) i / (samples - 1);
            double x = west + t * (east - west);
            double y = south + t * (north - south);
            double[] points = {x, south, x, north, west, y, east, y};
            System.arraycopy(points, 0, edge, i * 8, 8);
        }
        toLonLat.transform(edge, 0, edge, 0, samples * 4);
        double lonMin = Double.MAX_VALUE, lonMax = -Double.MAX_VALUE, latMin = Double.MAX_VALUE, latMax = -Double.MAX_VALUE;
        for (int i = 0; i < samples * 4; i++) {
            lonMin = Math.min(lonMin, edge[2 * i]);
            lonMax = Math.max(lonMax, edge[2 * i]);
            latMin = Math.min(latMin, edge[2 * i + 1]);
            latMax = Math.max(latMax, edge[2 * i + 1]);
        }

        // pixel centres in Web Mercator, back to longitude/latitude (spherical formulas), then to the grid
        double xMin = R * Math.toRadians(lonMin);
        double xMax = R * Math.toRadians(lonMax);
        double yMin = mercatorY(latMin);
        double yMax = mercatorY(latMax);
        int width = WIDTH;
        int height = Math.max(1, (int) Math.round(width * (yMax - yMin) / (xMax - xMin)));
        double[] points = new double[width * height * 2];
        for (int j = 0; j < height; j++) {
            double y = yMax - (j + 0.5) / height * (yMax - yMin);
            double lat = Math.toDegrees(Math.atan(Math.sinh(y / R)));
            for (int i = 0; i < width; i++) {
                double x = xMin + (i + 0.5) / width * (xMax - xMin);
                points[2 * (j * width + i)] = Math.toDegrees(x / R);
                points[2 * (j * width + i) + 1] = lat;
            }
        }
        MathTransform toGrid = CRS.findMathTransform(CRS.decode("EPSG:4326", true), CRS.decode("EPSG:27700"), true);
        toGrid.transform(points, 0, points, 0, width * height);

        List<Threshold> ascending = thresholds.stream().sorted(java.util.Comparator.comparingDouble(Threshold::from)).toList();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int p = 0; p < width * height; p++) {
            int column = (int) Math.floor((points[2 * p] - west) / cellWidth);
            int row = (int) Math.floor((north - points[2 * p + 1]) / cellHeight);
            if (column < 0 || column >= columns || row < 0 || row >= rows) {
                continue;
            }
            double value = raster.getSampleDouble(column, row, 0);
            image.setRGB(p % width, p / width, colour(value, ascending));
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return new Picture(png.toByteArray(), lonMin, latMin, lonMax, latMax, width, height);
    }

    /** The colour of a density: its highest class's, pale below every class, transparent for none. */
    static int colour(double value, List<Threshold> ascending) {
        if (!(value > 0)) {
            return 0;
        }
        int colour = PALE;
        for (Threshold t : ascending) {
            if (value >= t.from()) {
                colour = OPAQUE | HOT[Math.min(4, Math.max(1, t.hotspotClass() - 1))];
            }
        }
        return colour;
    }

    private static double mercatorY(double latitude) {
        return R * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(latitude) / 2));
    }
}
