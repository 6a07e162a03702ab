package dev.parley.bootstrap;

import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.application.shared.PublicUrl;
import dev.parley.application.shared.Transactions;
import dev.parley.application.telephony.port.in.ChooseCallerIdUseCase;
import dev.parley.application.telephony.port.in.GetCarrierAccountUseCase;
import dev.parley.application.telephony.port.in.GetPrimaryNumberUseCase;
import dev.parley.application.telephony.port.in.ListTenantNumbersUseCase;
import dev.parley.application.telephony.port.in.ProvisionNumberUseCase;
import dev.parley.application.telephony.port.in.ReleaseNumberUseCase;
import dev.parley.application.telephony.port.in.SearchAvailableNumbersUseCase;
import dev.parley.application.telephony.port.out.NumberDirectory;
import dev.parley.application.telephony.port.out.NumberMarketplace;
import dev.parley.application.telephony.port.out.PhoneNumberRepository;
import dev.parley.application.telephony.port.out.TelephonyPolicy;
import dev.parley.application.telephony.port.out.TenantLookup;
import dev.parley.application.telephony.service.NumberDirectoryService;
import dev.parley.application.telephony.service.PhoneNumberService;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.PhoneNumber;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Optional;

@Factory
class TelephonyWiring {
    /**
     * DEVELOPMENT_MODE, TWILIO_PHONE_NUMBER (the system number) and DEVELOPMENT_INBOUND_USER_EMAIL
     * (who receives calls to the system number in development mode; empty: the first registered user).
     */
    @Singleton
    TelephonyPolicy telephonyPolicy(@Value("${parley.development-mode:true}") boolean developmentMode,
                                    @Value("${parley.twilio.phone-number:}") String systemNumber,
                                    @Value("${parley.telephony.development-inbound-user-email:}") String inboundEmail) {
        Optional<PhoneNumber> system;
        try {
            system = systemNumber.isBlank() ? Optional.empty() : Optional.of(PhoneNumber.parse(systemNumber));
        } catch (InvalidValueException e) {
            throw new ConfigurationException("TWILIO_PHONE_NUMBER must be an E.164 number such as +14155550123");
        }
        return new TelephonyPolicy(developmentMode, system, inboundEmail);
    }

    @Singleton
    @Bean(typed = {GetCarrierAccountUseCase.class, SearchAvailableNumbersUseCase.class, ProvisionNumberUseCase.class,
            ListTenantNumbersUseCase.class, GetPrimaryNumberUseCase.class, ReleaseNumberUseCase.class, ChooseCallerIdUseCase.class,
            dev.parley.application.telephony.port.in.RouteNumberUseCase.class})
    PhoneNumberService phoneNumbers(PhoneNumberRepository numbers, NumberMarketplace marketplace, FindCallScenarioUseCase scenarios,
                                    Transactions transactions, TelephonyPolicy policy, PublicUrl publicUrl, Clock clock) {
        return new PhoneNumberService(numbers, marketplace, scenarios, transactions, policy, publicUrl, clock);
    }

    @Singleton
    NumberDirectory numberDirectory(PhoneNumberRepository numbers, TenantLookup tenants, TelephonyPolicy policy) {
        return new NumberDirectoryService(numbers, tenants, policy);
    }
}
