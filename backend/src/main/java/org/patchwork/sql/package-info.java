/**
 * Loads the SQL files every feature keeps under {@code resources/sql/}. A shared kernel, so that the
 * features stay thin wrappers around SQL that can be read and run on its own in psql.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.patchwork.sql;
