package org.patchwork.gdal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.datum.Ellipsoid;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.referencing.CRS;
import org.springframework.stereotype.Component;

/**
 * Finds the EPSG code of a spatial file's coordinate reference system. An ESRI .prj such as the CDRC
 * "Transverse_Mercator / GCS_OSGB 1936" one has no EPSG code in it; GeoTools compares its parameters
 * with the EPSG database and recognises British National Grid (27700).
 */
@Component
public class CrsDetector {

    private final Gdal gdal;

    CrsDetector(Gdal gdal) {
        this.gdal = gdal;
    }

    /** The EPSG code of {@code file}'s CRS; throws when it has none or it matches no EPSG definition. */
    public int detectEpsg(Path file) {
        return epsgOf(wktOf(file), file.getFileName().toString());
    }

    /**
     * The EPSG code that a WKT (OGC or ESRI flavour) describes. An EPSG authority in the WKT is taken
     * as it is; otherwise the CRS is compared with the definitions partners' files use, by transforming
     * sample points. GeoTools' own {@code lookupEpsgCode} does not match ESRI datum names such as
     * D_OSGB_1936, and its full scan of the EPSG database takes ten seconds, so it is not used.
     */
    public static int epsgOf(String wkt, String fileName) {
        try {
            CoordinateReferenceSystem crs = CRS.parseWKT(wkt);
            Integer declared = CRS.lookupEpsgCode(crs, false);
            if (declared != null) {
                return declared;
            }
            for (int candidate : CANDIDATES) {
                if (equivalent(crs, CRS.decode("EPSG:" + candidate, true))) {
                    return candidate;
                }
            }
            throw new IngestException(fileName + ": its coordinate reference system (" + crs.getName()
                    + ") matches none of the EPSG definitions Patchwork recognises; say which EPSG code it uses");
        } catch (FactoryException e) {
            throw new IngestException(fileName + ": its coordinate reference system could not be read ("
                    + e.getMessage() + ")", e);
        }
    }

    /** British National Grid first, then the geographic and projected CRSs seen in UK partner data. */
    private static final int[] CANDIDATES = {27700, 4326, 4258, 4277, 3857, 32630, 32631, 25830, 29903, 2157};

    /** Same ellipsoid, and sample points across Great Britain map onto themselves to within 1 mm. */
    private static boolean equivalent(CoordinateReferenceSystem a, CoordinateReferenceSystem b) {
        try {
            if (!sameEllipsoid(CRS.getEllipsoid(a), CRS.getEllipsoid(b))
                    || a.getCoordinateSystem().getDimension() != b.getCoordinateSystem().getDimension()) {
                return false;
            }
            MathTransform toB = CRS.findMathTransform(a, b, true);
            MathTransform fromWgs84 = CRS.findMathTransform(CRS.decode("EPSG:4326", true), a, true);
            double[] lonLat = {-5.5, 50.2, -2.0, 53.4, 1.5, 52.6, -3.2, 57.1};
            double[] inA = new double[lonLat.length];
            double[] inB = new double[lonLat.length];
            fromWgs84.transform(lonLat, 0, inA, 0, lonLat.length / 2);
            toB.transform(inA, 0, inB, 0, lonLat.length / 2);
            double tolerance = a instanceof org.geotools.api.referencing.crs.ProjectedCRS ? 1e-3 : 1e-8;
            for (int i = 0; i < inA.length; i++) {
                if (Math.abs(inA[i] - inB[i]) > tolerance) {
                    return false;
                }
            }
            return true;
        } catch (FactoryException | TransformException e) {
            return false;
        }
    }

    private static boolean sameEllipsoid(Ellipsoid a, Ellipsoid b) {
        return a != null && b != null && Math.abs(a.getSemiMajorAxis() - b.getSemiMajorAxis()) < 1e-3
                && Math.abs(a.getSemiMinorAxis() - b.getSemiMinorAxis()) < 1e-3;
    }

    private String wktOf(Path file) {
        String name = file.getFileName().toString();
        if (name.toLowerCase().endsWith(".shp")) {
            Path prj = file.resolveSibling(name.substring(0, name.length() - 4) + ".prj");
            if (!Files.exists(prj)) {
                prj = file.resolveSibling(name.substring(0, name.length() - 4) + ".PRJ");
            }
            if (!Files.exists(prj)) {
                throw new IngestException(name + " has no .prj file, so its coordinate reference system is unknown");
            }
            try {
                return Files.readString(prj, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IngestException("Could not read " + prj.getFileName(), e);
            }
        }
        String info = gdal.run("ogrinfo", List.of("-ro", "-so", "-al", "-wkt_format", "WKT1", file.toString()), Map.of());
        int start = info.indexOf("Layer SRS WKT:");
        int end = info.indexOf("Data axis to CRS axis mapping");
        if (start < 0 || end < 0 || info.substring(start).startsWith("Layer SRS WKT:\n(unknown)")) {
            throw new IngestException(name + " does not say which coordinate reference system it uses");
        }
        return info.substring(start + "Layer SRS WKT:".length(), end).strip();
    }
}
