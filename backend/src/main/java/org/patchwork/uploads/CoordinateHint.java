package org.patchwork.uploads;

import java.util.Locale;

/** Says what a file's coordinates look like, so its owner can tell us which CRS they are in. */
final class CoordinateHint {

    private CoordinateHint() {
    }

    static String describe(double[] extent) {
        if (extent == null) {
            return "Choose the EPSG code of its coordinates (27700 for British National Grid, 4326 for longitude/latitude).";
        }
        String range = String.format(Locale.UK, "Its coordinates run from x %,.2f to %,.2f and y %,.2f to %,.2f", extent[0], extent[2],
                extent[1], extent[3]);
        if (extent[0] >= -10 && extent[2] <= 3 && extent[1] >= 49 && extent[3] <= 62) {
            return range + ": degrees of longitude and latitude in Great Britain, probably EPSG:4326. Choose the EPSG code.";
        }
        if (extent[0] >= 0 && extent[2] <= 700_000 && extent[1] >= 0 && extent[3] <= 1_300_000) {
            return range + ": metres in the British National Grid range, probably EPSG:27700. Choose the EPSG code.";
        }
        return range + ", which is neither British National Grid metres nor degrees in Great Britain. Choose the EPSG code.";
    }
}
