package org.patchwork.catalogue;

/** The outcome of one load: rows read = rows loaded + rows rejected, always. */
public record LoadSummary(long datasetId, String slug, int rowsRead, int rowsLoaded, int rowsRepaired,
                         int rowsRejected, boolean alreadyLoaded) {

    public static LoadSummary alreadyLoaded(Dataset dataset) {
        return new LoadSummary(dataset.id(), dataset.slug(), dataset.rowsRead(), dataset.rowsLoaded(),
                dataset.rowsRepaired(), dataset.rowsRejected(), true);
    }
}
