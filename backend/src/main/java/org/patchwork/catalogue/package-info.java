/**
 * The dataset catalogue: what has been loaded, of which {@link org.patchwork.catalogue.DatasetKind kind}, from
 * where, under which licence, when, and what each load had to repair or could not use. It owns every write
 * to datasets, their versions, load issues and remembered column mappings, and announces each version
 * published or withdrawn ({@link org.patchwork.catalogue.VersionPublished}, {@link org.patchwork.catalogue.VersionWithdrawn}).
 */
package org.patchwork.catalogue;
