package org.patchwork.gdal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** GDAL's complaint as ogrinfo 3.6 prints it for a PNG named .csv (driver list shortened), told in words. */
class GdalMessagesTest {

    @Test
    void withoutTheDriverListOrTheServersPath() {
        String path = "/tmp/patchwork-uploads/0b7e/picture.csv";
        String stderr = "FAILURE:\nUnable to open datasource `" + path + "' with the following drivers.\n  -> `FITS'\n  -> `PCIDSK'\n"
                + "  -> `ESRI Shapefile'\n  -> `CSV'\n  -> `GPKG'\n";

        String said = Gdal.inWords(stderr, List.of("-ro", "-so", "-al", path));

        assertThat(said).isEqualTo("picture.csv is not in a format that can be read");
    }

    @Test
    void errorMarkersAreDropped() {
        assertThat(Gdal.inWords("ERROR 1: Field 'x' not found.\nWarning 1: something else", List.of()))
                .isEqualTo("Field 'x' not found.\nsomething else");
    }
}
