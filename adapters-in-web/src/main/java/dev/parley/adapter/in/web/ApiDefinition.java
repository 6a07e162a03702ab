package dev.parley.adapter.in.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document's header; the document itself is generated at build time from the controllers. */
@OpenAPIDefinition(
        info = @Info(title = "Parley", version = "0.1",
                description = "AI phone agents: accounts, scenarios, phone numbers, calls and transcripts. "
                        + "Errors answer {\"detail\": ..., \"status_code\": N} (RFC 9457 problem details)."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
final class ApiDefinition {
    private ApiDefinition() {
    }
}
