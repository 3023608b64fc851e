package org.patchwork.access;

/**
 * The access matrix on a second partnership area: South Yorkshire, its boundaries from the national files and South
 * Yorkshire Police's May 2022 crime (see {@link SecondArea}), every person of the partnership through every output path.
 */
class SecondAreaAccessMatrixIT extends AccessMatrixIT {

    @Override
    CrimeData crimeData() {
        SecondArea area = SecondArea.get();
        port = area.port;
        jdbc = area.jdbc;
        return new CrimeData(jdbc, area.slug, SecondArea.OWNER);
    }
}
