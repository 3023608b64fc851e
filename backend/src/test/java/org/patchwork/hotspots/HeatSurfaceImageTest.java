package org.patchwork.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The heat surface picture of one point's kernel in Liverpool: where GDAL (gdaltransform, an independent projection)
 * puts the point, the picture has the class's colour; 0.8 bandwidths east (density 0.36² = 0.13 of the peak, below the
 * class's lower bound of half the peak) the pale tone; in the grid's corner (beyond the bandwidth: no density) nothing.
 */
class HeatSurfaceImageTest {

    private static final double X = 334_000;   // near Liverpool Town Hall, British National Grid metres
    private static final double Y = 390_500;
    private static final double H = 500;

    @Test
    void thePointsClassIsDrawnWhereGdalPutsThePointPaleBelowItAndNothingWithoutDensity() throws Exception {
        DensitySurface surface = KernelDensity.quartic(new double[] {X}, new double[] {Y}, null, H, 25);
        ByteArrayOutputStream tif = new ByteArrayOutputStream();
        GeoTiffSurfaceWriter.write(surface, tif);
        double peak = 3 / (Math.PI * H * H) * 1e6;   // K(0) in events per km²

        HeatSurfaceImage.Picture picture = HeatSurfaceImage.render(tif.toByteArray(), List.of(new HeatSurfaceImage.Threshold(3, peak / 2)));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture.png()));
        assertThat(image.getWidth()).isEqualTo(picture.width());
        assertThat(image.getHeight()).isEqualTo(picture.height());

        double[] point = lonLat(X, Y);
        assertThat(point[0]).isBetween(picture.west(), picture.east());
        assertThat(point[1]).isBetween(picture.south(), picture.north());
        assertThat(pixel(image, picture, point)).as("class 3 (3 × the mean): the page's #f46d43, 75% opaque").isEqualTo(0xc0f46d43);
        assertThat(pixel(image, picture, lonLat(X + 0.8 * H, Y))).as("pale below the lowest class").isEqualTo(0x59fee0d2);
        assertThat(image.getRGB(0, 0) >>> 24).as("transparent beyond the kernel").isZero();
        assertThat(image.getRGB(image.getWidth() - 1, image.getHeight() - 1) >>> 24).isZero();
    }

    /** The picture's pixel at a longitude/latitude: linear in Web Mercator between its bounds. */
    private static int pixel(BufferedImage image, HeatSurfaceImage.Picture picture, double[] lonLat) {
        double x = (lonLat[0] - picture.west()) / (picture.east() - picture.west()) * image.getWidth();
        double y = (mercator(picture.north()) - mercator(lonLat[1])) / (mercator(picture.north()) - mercator(picture.south())) * image.getHeight();
        return image.getRGB((int) Math.floor(x), (int) Math.floor(y));
    }

    private static double mercator(double latitude) {
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(latitude) / 2));
    }

    /** GDAL's longitude and latitude (WGS 84) of a British National Grid point. */
    private static double[] lonLat(double x, double y) throws Exception {
        Process process = new ProcessBuilder("gdaltransform", "-s_srs", "EPSG:27700", "-t_srs", "EPSG:4326", "-output_xy")
                .redirectErrorStream(true).start();
        process.getOutputStream().write((x + " " + y + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String[] parts = out.split("\\s+");
        // EPSG:4326 is latitude first in GDAL 3 unless told otherwise: -output_xy gives the axis order as defined
        double a = Double.parseDouble(parts[0]);
        double b = Double.parseDouble(parts[1]);
        return a > 40 ? new double[] {b, a} : new double[] {a, b};
    }
}
