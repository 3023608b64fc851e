package org.patchwork.layers;

/** A web link as OGC API documents list them. */
record Link(String href, String rel, String type, String title) {
}
