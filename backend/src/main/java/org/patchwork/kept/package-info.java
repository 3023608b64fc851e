/**
 * Values computed once and kept while what they depend on is unchanged (the key says what that is): the
 * per-LSOA counts of a filter, an indicator's table. A shared kernel, like {@code sql}.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.patchwork.kept;
