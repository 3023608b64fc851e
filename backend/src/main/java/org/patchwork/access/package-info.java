/**
 * Information governance: partners, their users and roles, sign-in (form, HTTP Basic, API tokens,
 * optional OpenID Connect), the sharing agreement behind each dataset, and the one access decision
 * every output path asks: may this person see this dataset, at what level, at what geography?
 */
package org.patchwork.access;
