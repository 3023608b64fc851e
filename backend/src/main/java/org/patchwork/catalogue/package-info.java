/**
 * The dataset catalogue: what has been loaded, from where, under which licence, when, and what the load
 * had to repair or could not use. Every other feature registers what it loads here, and later issues
 * (uploads, sharing agreements) extend the same record.
 */
package org.patchwork.catalogue;
