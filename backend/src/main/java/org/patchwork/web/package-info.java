/**
 * The web edge shared by every feature: RFC 9457 problem+json for every error (including unknown URLs),
 * request ids in logs and problems, and the map configuration the front end starts from.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.patchwork.web;
