package dev.parley.adapter.in.web.scenario;

import dev.parley.adapter.in.web.scenario.ScenarioMessages.BuiltInScenarioResponse;
import dev.parley.adapter.in.web.scenario.ScenarioMessages.CreatedResponse;
import dev.parley.adapter.in.web.scenario.ScenarioMessages.CustomScenarioRequest;
import dev.parley.adapter.in.web.scenario.ScenarioMessages.CustomScenarioResponse;
import dev.parley.adapter.in.web.scenario.ScenarioMessages.MessageResponse;
import dev.parley.adapter.in.web.scenario.ScenarioMessages.VoiceTypeResponse;
import dev.parley.adapter.in.web.security.CurrentTenant;
import dev.parley.adapter.in.web.security.RateLimited;
import dev.parley.application.scenario.port.in.CreateCustomScenarioUseCase;
import dev.parley.application.scenario.port.in.CustomScenarioView;
import dev.parley.application.scenario.port.in.DeleteCustomScenarioUseCase;
import dev.parley.application.scenario.port.in.GetCustomScenarioUseCase;
import dev.parley.application.scenario.port.in.ListBuiltInScenariosUseCase;
import dev.parley.application.scenario.port.in.ListCustomScenariosUseCase;
import dev.parley.application.scenario.port.in.ListVoiceTypesUseCase;
import dev.parley.application.scenario.port.in.UpdateCustomScenarioUseCase;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;

/**
 * Scenarios: the seed-000 routes ({@code /custom-scenarios…}) and the older seed-004 family
 * ({@code /realtime/custom-scenario…}), both over the same use cases. A scenario is named by its
 * {@code scenario_id} ({@code custom_7_1700000000}) or its numeric {@code id}.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Scenarios")
class CustomScenarioController {
    private final CreateCustomScenarioUseCase create;
    private final ListCustomScenariosUseCase list;
    private final GetCustomScenarioUseCase get;
    private final UpdateCustomScenarioUseCase update;
    private final DeleteCustomScenarioUseCase delete;
    private final ListBuiltInScenariosUseCase builtIns;
    private final ListVoiceTypesUseCase voices;

    CustomScenarioController(CreateCustomScenarioUseCase create, ListCustomScenariosUseCase list, GetCustomScenarioUseCase get,
                             UpdateCustomScenarioUseCase update, DeleteCustomScenarioUseCase delete,
                             ListBuiltInScenariosUseCase builtIns, ListVoiceTypesUseCase voices) {
        this.create = create;
        this.list = list;
        this.get = get;
        this.update = update;
        this.delete = delete;
        this.builtIns = builtIns;
        this.voices = voices;
    }

    @Operation(summary = "Create a custom scenario", description = "At most 20 per user; the 21st answers 409. "
            + "voice_type from GET /scenarios/voices (default professional_neutral); temperature 0.6 to 1.2 (default 0.8).")
    @RateLimited("custom-scenario")
    @Post(value = "/realtime/custom-scenario", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<CreatedResponse> create(@Body @Valid CustomScenarioRequest body, Authentication auth) {
        CustomScenarioView created = create.create(body.toCommand(CurrentTenant.of(auth)));
        return HttpResponse.created(new CreatedResponse(created.id(), created.scenarioId(), "Custom scenario created successfully"));
    }

    @Operation(summary = "Create a custom scenario (same as POST /realtime/custom-scenario)")
    @RateLimited("custom-scenario")
    @Post(value = "/custom-scenarios", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<CreatedResponse> createAlias(@Body @Valid CustomScenarioRequest body, Authentication auth) {
        return create(body, auth);
    }

    @Operation(summary = "List my custom scenarios", description = "Oldest first; only your own.")
    @Get("/custom-scenarios")
    List<CustomScenarioResponse> list(Authentication auth) {
        return list.list(CurrentTenant.of(auth)).stream().map(CustomScenarioResponse::from).toList();
    }

    @Operation(summary = "List my custom scenarios (older route)")
    @Get("/realtime/custom-scenarios")
    List<CustomScenarioResponse> listOld(Authentication auth) {
        return list(auth);
    }

    @Operation(summary = "One of my custom scenarios")
    @Get("/custom-scenarios/{scenarioId}")
    CustomScenarioResponse get(@PathVariable String scenarioId, Authentication auth) {
        return CustomScenarioResponse.from(get.get(CurrentTenant.of(auth), scenarioId));
    }

    @Operation(summary = "One of my custom scenarios (older route)")
    @Get("/realtime/custom-scenario/{scenarioId}")
    CustomScenarioResponse getOld(@PathVariable String scenarioId, Authentication auth) {
        return get(scenarioId, auth);
    }

    @Operation(summary = "Rewrite one of my custom scenarios")
    @Put(value = "/custom-scenarios/{scenarioId}", consumes = MediaType.APPLICATION_JSON)
    CustomScenarioResponse update(@PathVariable String scenarioId, @Body @Valid CustomScenarioRequest body, Authentication auth) {
        return CustomScenarioResponse.from(update.update(scenarioId, body.toCommand(CurrentTenant.of(auth))));
    }

    @Operation(summary = "Rewrite one of my custom scenarios (older route)")
    @Put(value = "/realtime/custom-scenario/{scenarioId}", consumes = MediaType.APPLICATION_JSON)
    CustomScenarioResponse updateOld(@PathVariable String scenarioId, @Body @Valid CustomScenarioRequest body, Authentication auth) {
        return update(scenarioId, body, auth);
    }

    @Operation(summary = "Delete one of my custom scenarios")
    @Delete("/custom-scenarios/{scenarioId}")
    MessageResponse delete(@PathVariable String scenarioId, Authentication auth) {
        delete.delete(CurrentTenant.of(auth), scenarioId);
        return new MessageResponse("Custom scenario deleted successfully");
    }

    @Operation(summary = "Delete one of my custom scenarios (older route)")
    @Delete("/realtime/custom-scenario/{scenarioId}")
    MessageResponse deleteOld(@PathVariable String scenarioId, Authentication auth) {
        return delete(scenarioId, auth);
    }

    @Operation(summary = "The built-in scenarios", description = "Usable by name in /make-call/{phone_number}/{scenario}.")
    @Get("/scenarios")
    List<BuiltInScenarioResponse> builtIns() {
        return builtIns.list().stream().map(BuiltInScenarioResponse::from).toList();
    }

    @Operation(summary = "The voice catalogue", description = "Each voice_type and the OpenAI Realtime voice it speaks with.")
    @Get("/scenarios/voices")
    List<VoiceTypeResponse> voices() {
        return voices.voices().stream().map(VoiceTypeResponse::from).toList();
    }
}
