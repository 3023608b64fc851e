package org.patchwork.access;

/** The planted small count on a second partnership area: South Yorkshire's May 2022 crime (see {@link SecondArea}). */
class SecondAreaPlantedCountIT extends PlantedCountIT {

    @Override
    CrimeData crimeData() {
        SecondArea area = SecondArea.get();
        port = area.port;
        jdbc = area.jdbc;
        return new CrimeData(jdbc, area.slug, SecondArea.OWNER);
    }
}
