package org.patchwork.hotspots;

import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import javax.media.jai.RasterFactory;
import org.geotools.api.parameter.GeneralParameterValue;
import org.geotools.api.parameter.ParameterValueGroup;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.coverage.grid.GridCoverage2D;
import org.geotools.coverage.grid.GridCoverageFactory;
import org.geotools.coverage.grid.io.AbstractGridFormat;
import org.geotools.gce.geotiff.GeoTiffFormat;
import org.geotools.gce.geotiff.GeoTiffWriteParams;
import org.geotools.gce.geotiff.GeoTiffWriter;
import org.geotools.geometry.jts.ReferencedEnvelope;
import org.geotools.referencing.CRS;

/**
 * Writes a density surface as a single-band 32-bit float GeoTIFF in EPSG:27700 (British National Grid),
 * deflate-compressed, one pixel per cell, north up, so QGIS, ArcGIS and GDAL open it with its grid intact.
 */
public final class GeoTiffSurfaceWriter {

    private GeoTiffSurfaceWriter() {
    }

    public static void write(DensitySurface surface, OutputStream out) throws IOException {
        RasterGrid grid = surface.grid();
        WritableRaster raster = RasterFactory.createBandedRaster(DataBuffer.TYPE_FLOAT, grid.columns(), grid.rows(), 1, null);
        double[] values = surface.eventsPerSquareKilometre();
        for (int row = 0; row < grid.rows(); row++) {
            for (int column = 0; column < grid.columns(); column++) {
                raster.setSample(column, row, 0, (float) values[row * grid.columns() + column]);
            }
        }
        ReferencedEnvelope envelope = new ReferencedEnvelope(grid.west(), grid.east(), grid.south(), grid.north(), britishNationalGrid());
        GridCoverage2D coverage = new GridCoverageFactory().create("density", raster, envelope);
        GeoTiffWriter writer = new GeoTiffWriter(out);
        try {
            GeoTiffWriteParams params = new GeoTiffWriteParams();
            params.setCompressionMode(GeoTiffWriteParams.MODE_EXPLICIT);
            params.setCompressionType("Deflate");
            ParameterValueGroup group = new GeoTiffFormat().getWriteParameters();
            group.parameter(AbstractGridFormat.GEOTOOLS_WRITE_PARAMS.getName().toString()).setValue(params);
            writer.write(coverage, group.values().toArray(new GeneralParameterValue[0]));
        } finally {
            writer.dispose();
            coverage.dispose(true);
        }
    }

    private static CoordinateReferenceSystem britishNationalGrid() throws IOException {
        try {
            return CRS.decode("EPSG:27700");
        } catch (FactoryException e) {
            throw new IOException("EPSG:27700 is not known to GeoTools", e);
        }
    }
}
