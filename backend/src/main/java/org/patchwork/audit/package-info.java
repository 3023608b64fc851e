/**
 * The audit trail: who did what to which dataset, through which output, and how many rows, kept
 * append-only in the database. It is the "evidence of use" the Home Office review found missing, and
 * it is how a partner's data manager sees what happened to their data.
 */
package org.patchwork.audit;
