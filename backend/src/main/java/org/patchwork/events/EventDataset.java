package org.patchwork.events;

/** A dataset of point events, as the layers list it. */
public record EventDataset(long id, String slug, String title) {
}
