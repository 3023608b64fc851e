/**
 * The database sessions of this instance: each named after its host and process, so a restarted instance
 * can end a dead one's sessions (rolling back its half-done loads) before clearing scratch tables, and the
 * one exception that says the database could not be reached, so callers answer 503 instead of 500.
 */
package org.patchwork.database;
