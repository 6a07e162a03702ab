package dev.parley.adapter.in.web.organization;

import dev.parley.adapter.in.web.organization.OrgMessages.CreateOrgRequest;
import dev.parley.adapter.in.web.organization.OrgMessages.OrgConfigMessage;
import dev.parley.adapter.in.web.organization.OrgMessages.OrgResponse;
import dev.parley.adapter.in.web.security.CurrentTenant;
import dev.parley.application.organization.port.in.ConfigureOrganizationUseCase;
import dev.parley.application.organization.port.in.CreateOrganizationUseCase;
import dev.parley.application.organization.port.in.DeleteOrganizationUseCase;
import dev.parley.application.organization.port.in.GetOrganizationUseCase;
import dev.parley.application.organization.port.in.ListOrganizationsUseCase;
import dev.parley.application.organization.port.in.OrganizationNotFoundException;
import dev.parley.domain.organization.OrgId;
import dev.parley.domain.shared.TenantId;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;
import java.util.Map;

/** The tenant's organizations and their configuration (seed 003). Another tenant's organization is a 404. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Organizations")
class OrganizationController {
    private final CreateOrganizationUseCase create;
    private final ListOrganizationsUseCase list;
    private final DeleteOrganizationUseCase delete;
    private final GetOrganizationUseCase get;
    private final ConfigureOrganizationUseCase configure;

    OrganizationController(CreateOrganizationUseCase create, ListOrganizationsUseCase list, DeleteOrganizationUseCase delete,
                           GetOrganizationUseCase get, ConfigureOrganizationUseCase configure) {
        this.create = create;
        this.list = list;
        this.delete = delete;
        this.get = get;
        this.configure = configure;
    }

    @Operation(summary = "Create an organization", description = "Its configuration starts from its name; answers 201 {org_id, name, …}.")
    @Post(value = "/api/orgs", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<OrgResponse> create(@Body @Valid CreateOrgRequest body, Authentication auth) {
        return HttpResponse.created(OrgResponse.from(create.create(CurrentTenant.of(auth), body.name())));
    }

    @Operation(summary = "My organizations, oldest first")
    @Get("/api/orgs")
    List<OrgResponse> list(Authentication auth) {
        return list.list(CurrentTenant.of(auth)).stream().map(OrgResponse::from).toList();
    }

    @Operation(summary = "Delete one of my organizations", description = "Its past calls keep their records.")
    @Delete("/api/orgs/{org_id}")
    Map<String, Object> delete(@PathVariable("org_id") String orgId, Authentication auth) {
        delete.delete(CurrentTenant.of(auth), orgId(orgId));
        return Map.of("message", "Organization deleted", "org_id", orgId(orgId).value());
    }

    @Operation(summary = "An organization's configuration", description = "business, safety, escalation, intake, voice, language.")
    @Get("/api/org/config/{org_id}")
    OrgConfigMessage config(@PathVariable("org_id") String orgId, Authentication auth) {
        return OrgConfigMessage.from(get.get(CurrentTenant.of(auth), orgId(orgId)).config());
    }

    @Operation(summary = "Update an organization's configuration",
            description = "Sections left out keep their value; a section sent replaces that section. 422 names the field that is wrong.")
    @Post(value = "/api/org/config/{org_id}", consumes = MediaType.APPLICATION_JSON)
    OrgConfigMessage configure(@PathVariable("org_id") String orgId, @Body @Valid OrgConfigMessage body, Authentication auth) {
        TenantId tenant = CurrentTenant.of(auth);
        OrgId org = orgId(orgId);
        return OrgConfigMessage.from(configure.configure(tenant, org, body.applyTo(get.get(tenant, org).config())).config());
    }

    /** An id that cannot be one of ours is simply not found. */
    static OrgId orgId(String raw) {
        if (raw == null || !raw.strip().matches("[1-9]\\d{0,17}")) throw new OrganizationNotFoundException();
        return new OrgId(Long.parseLong(raw.strip()));
    }
}
