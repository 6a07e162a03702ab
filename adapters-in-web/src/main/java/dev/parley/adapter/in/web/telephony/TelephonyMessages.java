package dev.parley.adapter.in.web.telephony;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.application.telephony.port.in.GetCarrierAccountUseCase.CarrierAccountView;
import dev.parley.application.telephony.port.in.PhoneNumberView;
import dev.parley.application.telephony.port.out.NumberMarketplace.AvailableNumber;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** Request and response bodies of the phone-number routes (seed 001, snake_case). */
final class TelephonyMessages {
    private TelephonyMessages() {
    }

    /** {@code {"area_code": "505", "limit": 10}}; country defaults to US. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record SearchNumbersRequest(@Nullable @Size(max = 8) String areaCode, @Nullable Integer limit, @Nullable @Size(max = 2) String country) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record ProvisionNumberRequest(@NotBlank @Size(max = 32) String phoneNumber,
                                  @Nullable @Size(max = 64) String friendlyName,
                                  @Nullable @Size(max = 64) String inboundScenario) {
    }

    /** {@code {"org_id": 7}} or {@code {"scenario": "default"}}: where calls to the number go (seed 003). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record RouteNumberRequest(@Nullable @jakarta.validation.constraints.Positive Long orgId, @Nullable @Size(max = 64) String scenario) {
        @jakarta.validation.constraints.AssertTrue(message = "give either org_id or scenario")
        boolean isOneTarget() {
            return (orgId == null) != (scenario == null || scenario.isBlank());
        }

        String scenarioRef() {
            return orgId != null ? new dev.parley.domain.organization.OrgId(orgId).callRef() : scenario.strip();
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Capabilities(boolean voice, boolean sms, boolean mms) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record AvailableNumberResponse(String phoneNumber, String friendlyName, String locality, String region, String postalCode,
                                   String isoCountry, Capabilities capabilities) {
        static AvailableNumberResponse from(AvailableNumber n) {
            return new AvailableNumberResponse(n.phoneNumber().e164(), n.friendlyName(), n.locality(), n.region(), n.postalCode(),
                    n.isoCountry(), new Capabilities(n.voice(), n.sms(), n.mms()));
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    record SearchNumbersResponse(List<AvailableNumberResponse> availableNumbers, int count) {
    }

    /** Seed 001's UserPhoneNumber, plus whether it is the primary (caller-ID) number and the scenario inbound calls run. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record PhoneNumberResponse(long id, String phoneNumber, String twilioSid, String friendlyName, boolean isActive, boolean isPrimary,
                               boolean voiceCapable, boolean smsCapable, String inboundScenario, Instant createdAt) {
        static PhoneNumberResponse from(PhoneNumberView v) {
            return new PhoneNumberResponse(v.id(), v.phoneNumber(), v.carrierSid(), v.friendlyName(), v.active(), v.primary(),
                    v.voiceCapable(), v.smsCapable(), v.inboundScenario(), v.createdAt());
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AccountResponse(String accountSid, String friendlyName, String status, String type, String balance, String currency,
                           boolean developmentMode, @Nullable String systemPhoneNumber) {
        static AccountResponse from(CarrierAccountView v) {
            return new AccountResponse(v.account().accountSid(), v.account().friendlyName(), v.account().status(), v.account().type(),
                    v.account().balance(), v.account().currency(), v.developmentMode(),
                    v.systemNumber().isEmpty() ? null : v.systemNumber());
        }
    }

    @Serdeable
    record MessageResponse(String message) {
    }
}
