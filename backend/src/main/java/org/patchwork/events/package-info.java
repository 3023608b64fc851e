/**
 * Point events such as police.uk street crimes: record-level data that belongs to a partner. Loaded from
 * the police.uk archive layout, counted by area for people who may only see aggregates (with disclosure
 * control), and served as points only to those whose sharing agreement gives record-level access.
 */
package org.patchwork.events;
