package org.patchwork.gdal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CrsDetectorTest {

    /** The CDRC full-resolution Liverpool .prj: ESRI WKT, British National Grid by parameters, no EPSG code. */
    static final String CDRC_PRJ = "PROJCS[\"Transverse_Mercator\",GEOGCS[\"GCS_OSGB 1936\",DATUM[\"D_OSGB_1936\","
            + "SPHEROID[\"Airy_1830\",6377563.396,299.3249646]],PRIMEM[\"Greenwich\",0],UNIT[\"Degree\",0.017453292519943295]],"
            + "PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",49],PARAMETER[\"central_meridian\",-2],"
            + "PARAMETER[\"scale_factor\",0.9996012717],PARAMETER[\"false_easting\",400000],PARAMETER[\"false_northing\",-100000],"
            + "UNIT[\"Meter\",1]]";

    @Test
    void recognisesBritishNationalGridFromAnEsriPrjWithoutAnEpsgCode() {
        assertThat(CrsDetector.epsgOf(CDRC_PRJ, "liverpool.prj")).isEqualTo(27700);
    }

    @Test
    void recognisesEsriWgs84() {
        String wgs84 = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],"
                + "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
        assertThat(CrsDetector.epsgOf(wgs84, "points.prj")).isEqualTo(4326);
    }

    @Test
    void doesNotMistakeAShiftedGridForBritishNationalGrid() {
        String shifted = CDRC_PRJ.replace("PARAMETER[\"false_easting\",400000]", "PARAMETER[\"false_easting\",500000]");
        assertThatThrownBy(() -> CrsDetector.epsgOf(shifted, "odd.prj"))
                .isInstanceOf(IngestException.class).hasMessageContaining("odd.prj").hasMessageContaining("EPSG code");
    }

    @Test
    void garbageIsASpecificError() {
        assertThatThrownBy(() -> CrsDetector.epsgOf("this is not WKT", "bad.prj"))
                .isInstanceOf(IngestException.class).hasMessageContaining("bad.prj");
    }
}
