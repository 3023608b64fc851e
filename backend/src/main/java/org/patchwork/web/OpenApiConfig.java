package org.patchwork.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title and description of the OpenAPI document springdoc writes at /v3/api-docs. */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI patchworkOpenApi() {
        return new OpenAPI().info(new Info().title("Patchwork API").version("0.1")
                .description("Neighbourhood information for multi-agency partnerships: datasets and sharing agreements, "
                        + "uploads with row-level validation, counts with disclosure control, OGC API - Features at /ogc "
                        + "(described separately at /ogc/api). Errors are RFC 9457 problem+json. Sign in with a browser "
                        + "session, HTTP Basic, or 'Authorization: Bearer <API token>'; a session or Basic request that changes "
                        + "state also sends the same value in the XSRF-TOKEN cookie and the X-XSRF-TOKEN header. Failed sign-ins "
                        + "are throttled (429 with Retry-After).")
                .license(new License().name("Data: Open Government Licence v3.0 where stated per dataset")));
    }
}
