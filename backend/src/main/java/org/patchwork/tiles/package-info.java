/**
 * Boundaries as Mapbox Vector Tiles by OGC API – Tiles Part 1 (WebMercatorQuad), with TileJSON for web
 * map clients. PostGIS cuts and encodes each tile (ST_AsMVT); this package checks the request against the
 * tile matrix set and the tileset's limits and adds ETag and caching headers. {@link org.patchwork.tiles.OgcTiles}
 * gives the OGC API landing page, conformance, collections and OpenAPI description their tile entries.
 */
package org.patchwork.tiles;
