/**
 * Point events such as police.uk street crimes: record-level data that belongs to a partner. This kind's
 * upload pipeline checks each row, puts its point in British National Grid and assigns it to every
 * boundary set; its collections serve the points to those whose sharing agreement gives record-level
 * access, and counts by area (values by code, with disclosure control) to everyone else allowed.
 */
package org.patchwork.events;
