package dev.parley.adapter.in.web.telephony;

import dev.parley.adapter.in.web.security.CurrentTenant;
import dev.parley.adapter.in.web.telephony.TelephonyMessages.AccountResponse;
import dev.parley.adapter.in.web.telephony.TelephonyMessages.AvailableNumberResponse;
import dev.parley.adapter.in.web.telephony.TelephonyMessages.MessageResponse;
import dev.parley.adapter.in.web.telephony.TelephonyMessages.PhoneNumberResponse;
import dev.parley.adapter.in.web.telephony.TelephonyMessages.ProvisionNumberRequest;
import dev.parley.adapter.in.web.telephony.TelephonyMessages.SearchNumbersRequest;
import dev.parley.adapter.in.web.telephony.TelephonyMessages.SearchNumbersResponse;
import dev.parley.application.telephony.port.in.GetCarrierAccountUseCase;
import dev.parley.application.telephony.port.in.GetPrimaryNumberUseCase;
import dev.parley.application.telephony.port.in.ListTenantNumbersUseCase;
import dev.parley.application.telephony.port.in.PhoneNumberNotFoundException;
import dev.parley.application.telephony.port.in.ProvisionNumberUseCase;
import dev.parley.application.telephony.port.in.ProvisionNumberUseCase.ProvisionNumberCommand;
import dev.parley.application.telephony.port.in.ReleaseNumberUseCase;
import dev.parley.application.telephony.port.in.SearchAvailableNumbersUseCase;
import dev.parley.application.telephony.port.in.SearchAvailableNumbersUseCase.SearchNumbersCommand;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import dev.parley.application.telephony.port.in.RouteNumberUseCase;
import dev.parley.application.organization.port.in.OrganizationNotFoundException;
import dev.parley.application.scenario.port.in.ScenarioNotFoundException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;

/** The tenant's own Twilio numbers (seed 001). Twilio failures answer 502 with what went wrong; a number gone answers 409. */
@Controller("/twilio")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Phone numbers")
class PhoneNumberController {
    private final GetCarrierAccountUseCase account;
    private final SearchAvailableNumbersUseCase search;
    private final ProvisionNumberUseCase provision;
    private final ListTenantNumbersUseCase numbers;
    private final GetPrimaryNumberUseCase primary;
    private final ReleaseNumberUseCase release;
    private final RouteNumberUseCase route;

    PhoneNumberController(GetCarrierAccountUseCase account, SearchAvailableNumbersUseCase search, ProvisionNumberUseCase provision,
                          ListTenantNumbersUseCase numbers, GetPrimaryNumberUseCase primary, ReleaseNumberUseCase release,
                          RouteNumberUseCase route) {
        this.route = route;
        this.account = account;
        this.search = search;
        this.provision = provision;
        this.numbers = numbers;
        this.primary = primary;
        this.release = release;
    }

    @Operation(summary = "The Twilio account, its balance, and the telephony mode")
    @Get("/account")
    AccountResponse account() {
        return AccountResponse.from(account.account());
    }

    @Operation(summary = "Search numbers to provision", description = "area_code: three digits; limit 1-50 (default 10); country: ISO code (default US).")
    @Post(value = "/search-numbers", consumes = MediaType.APPLICATION_JSON)
    SearchNumbersResponse search(@Body @Valid SearchNumbersRequest body) {
        List<AvailableNumberResponse> found = search.search(new SearchNumbersCommand(body.areaCode(), body.limit(), body.country()))
                .stream().map(AvailableNumberResponse::from).toList();
        return new SearchNumbersResponse(found, found.size());
    }

    @Operation(summary = "Provision a number for me", description = "Buys it from Twilio with its voice webhook at PUBLIC_URL/incoming-call. "
            + "409 when the number is no longer available; nothing is stored when the purchase fails.")
    @Post(value = "/provision-number", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<PhoneNumberResponse> provision(@Body @Valid ProvisionNumberRequest body, Authentication auth) {
        return HttpResponse.created(PhoneNumberResponse.from(provision.provision(new ProvisionNumberCommand(
                CurrentTenant.of(auth), body.phoneNumber(), body.friendlyName(), body.inboundScenario()))));
    }

    @Operation(summary = "My numbers, primary first")
    @Get("/user-numbers")
    List<PhoneNumberResponse> numbers(Authentication auth) {
        return numbers.list(CurrentTenant.of(auth)).stream().map(PhoneNumberResponse::from).toList();
    }

    @Operation(summary = "My primary number (the one my calls show)", description = "404 when I hold no number.")
    @Get("/user-primary-number")
    PhoneNumberResponse primary(Authentication auth) {
        return primary.primary(CurrentTenant.of(auth)).map(PhoneNumberResponse::from)
                .orElseThrow(() -> new PhoneNumberNotFoundException("You have no phone number yet; provision one with POST /twilio/provision-number"));
    }

    @Operation(summary = "Route calls to one of my numbers to a scenario or an organization",
            description = "Body {\"org_id\": 7} or {\"scenario\": \"default\"}, exactly one; 404 for a number, scenario or organization that is not mine.")
    @Put(value = "/user-numbers/{phoneNumber:[^/]+}", consumes = MediaType.APPLICATION_JSON)
    PhoneNumberResponse route(@PathVariable String phoneNumber, @Body @Valid TelephonyMessages.RouteNumberRequest body, Authentication auth) {
        try {
            return PhoneNumberResponse.from(route.route(CurrentTenant.of(auth), withPlus(phoneNumber), body.scenarioRef()));
        } catch (ScenarioNotFoundException missing) {
            if (body.orgId() != null) throw new OrganizationNotFoundException();
            throw missing;
        }
    }

    @Operation(summary = "Release one of my numbers back to Twilio", description = "The number in E.164: +15059675418, %2B15059675418 or 15059675418.")
    @Delete("/release-number/{phoneNumber:[^/]+}")
    MessageResponse release(@PathVariable String phoneNumber, Authentication auth) {
        release.release(CurrentTenant.of(auth), withPlus(phoneNumber));
        return new MessageResponse("Phone number released successfully");
    }

    /** The route takes any segment (the default variable pattern refuses a literal +); a + may arrive decoded as a space, or be left out. */
    private static String withPlus(String raw) {
        String s = raw == null ? "" : raw.strip();
        return !s.isEmpty() && Character.isDigit(s.charAt(0)) ? "+" + s : s;
    }
}
