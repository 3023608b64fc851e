package org.patchwork.tiles;

/**
 * A web link as OGC API documents list them; {@code templated} is true for a URI template such as
 * {@code .../{tileMatrix}/{tileRow}/{tileCol}} (null, and so left out, otherwise).
 */
public record TileLink(String href, String rel, String type, String title, Boolean templated) {

    static TileLink of(String href, String rel, String type, String title) {
        return new TileLink(href, rel, type, title, null);
    }
}
