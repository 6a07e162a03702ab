package dev.parley.application.telephony.service;

import dev.parley.application.scenario.port.in.FindCallScenarioUseCase;
import dev.parley.application.scenario.port.in.ScenarioNotFoundException;
import dev.parley.application.telephony.port.in.RouteNumberUseCase;
import dev.parley.application.shared.PublicUrl;
import dev.parley.application.shared.Transactions;
import dev.parley.application.telephony.port.in.ChooseCallerIdUseCase;
import dev.parley.application.telephony.port.in.GetCarrierAccountUseCase;
import dev.parley.application.telephony.port.in.GetPrimaryNumberUseCase;
import dev.parley.application.telephony.port.in.ListTenantNumbersUseCase;
import dev.parley.application.telephony.port.in.NoCallerIdException;
import dev.parley.application.telephony.port.in.PhoneNumberNotFoundException;
import dev.parley.application.telephony.port.in.PhoneNumberView;
import dev.parley.application.telephony.port.in.ProvisionNumberUseCase;
import dev.parley.application.telephony.port.in.ReleaseNumberUseCase;
import dev.parley.application.telephony.port.in.SearchAvailableNumbersUseCase;
import dev.parley.application.telephony.port.out.NumberMarketplace;
import dev.parley.application.telephony.port.out.NumberMarketplace.AvailableNumber;
import dev.parley.application.telephony.port.out.NumberMarketplace.PurchasedNumber;
import dev.parley.application.telephony.port.out.NumberUnavailableException;
import dev.parley.application.telephony.port.out.PhoneNumberRepository;
import dev.parley.application.telephony.port.out.TelephonyPolicy;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import dev.parley.domain.telephony.UserPhoneNumber;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The tenant's phone numbers: search, provision, list, release, and which number a call shows. */
public final class PhoneNumberService implements GetCarrierAccountUseCase, SearchAvailableNumbersUseCase, ProvisionNumberUseCase,
        ListTenantNumbersUseCase, GetPrimaryNumberUseCase, ReleaseNumberUseCase, ChooseCallerIdUseCase, RouteNumberUseCase {
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_FRIENDLY_NAME = 64;
    private final PhoneNumberRepository numbers;
    private final NumberMarketplace marketplace;
    private final FindCallScenarioUseCase scenarios;
    private final Transactions transactions;
    private final TelephonyPolicy policy;
    private final PublicUrl publicUrl;
    private final Clock clock;

    public PhoneNumberService(PhoneNumberRepository numbers, NumberMarketplace marketplace, FindCallScenarioUseCase scenarios,
                              Transactions transactions, TelephonyPolicy policy, PublicUrl publicUrl, Clock clock) {
        this.numbers = numbers;
        this.marketplace = marketplace;
        this.scenarios = scenarios;
        this.transactions = transactions;
        this.policy = policy;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Override
    public CarrierAccountView account() {
        return new CarrierAccountView(marketplace.account(), policy.developmentMode(),
                policy.systemNumber().map(PhoneNumber::e164).orElse(""));
    }

    @Override
    public List<AvailableNumber> search(SearchNumbersCommand command) {
        Integer areaCode = null;
        String rawArea = command.areaCode() == null ? "" : command.areaCode().strip();
        if (!rawArea.isEmpty()) {
            if (!rawArea.matches("[2-9]\\d{2}"))
                throw new InvalidValueException("area_code", "area-code.invalid", "area_code must be three digits, e.g. 415");
            areaCode = Integer.parseInt(rawArea);
        }
        int limit = command.limit() == null ? DEFAULT_LIMIT : command.limit();
        if (limit < 1 || limit > MAX_LIMIT)
            throw new InvalidValueException("limit", "limit.out-of-range", "limit must be between 1 and " + MAX_LIMIT);
        String country = command.isoCountry() == null || command.isoCountry().isBlank() ? "US"
                : command.isoCountry().strip().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}"))
            throw new InvalidValueException("country", "country.invalid", "country must be a two-letter ISO code, e.g. US");
        return marketplace.search(country, areaCode, limit);
    }

    @Override
    public PhoneNumberView provision(ProvisionNumberCommand command) {
        PhoneNumber number = PhoneNumber.parse(command.phoneNumber());
        String friendlyName = command.friendlyName() == null ? "" : command.friendlyName().strip();
        if (friendlyName.length() > MAX_FRIENDLY_NAME)
            throw new InvalidValueException("friendly_name", "friendly-name.too-long",
                    "friendly_name must be at most " + MAX_FRIENDLY_NAME + " characters");
        String scenario = command.inboundScenario() == null || command.inboundScenario().isBlank()
                ? UserPhoneNumber.DEFAULT_INBOUND_SCENARIO : command.inboundScenario().strip();
        if (scenarios.find(command.tenant(), scenario).isEmpty())
            throw new InvalidValueException("inbound_scenario", "scenario.unknown", "inbound_scenario names no scenario of yours");
        if (numbers.findOwner(number).isPresent())
            throw new NumberUnavailableException("Phone number " + number.e164() + " is already provisioned");

        // the purchase is a vendor call: outside any transaction; the row is written only once it succeeded
        PurchasedNumber bought = marketplace.purchase(number, publicUrl.http("/incoming-call"),
                friendlyName.isEmpty() ? "Parley " + number.e164() : friendlyName);
        UserPhoneNumber stored = new UserPhoneNumber(numbers.nextId(), command.tenant(), bought.phoneNumber(), bought.carrierSid(),
                friendlyName.isEmpty() ? bought.friendlyName() : friendlyName, bought.voice(), bought.sms(), scenario, now());
        try {
            transactions.run(() -> numbers.add(stored));
        } catch (RuntimeException notStored) {
            // never keep paying for a number we could not record: give it back, then report the failure
            try {
                marketplace.release(bought.carrierSid());
            } catch (RuntimeException releaseFailed) {
                notStored.addSuppressed(releaseFailed);
            }
            if (notStored instanceof PhoneNumberRepository.NumberTakenException)
                throw new NumberUnavailableException("Phone number " + number.e164() + " is already provisioned");
            throw notStored;
        }
        return PhoneNumberView.of(stored, list(command.tenant()).getFirst().id() == stored.id());
    }

    @Override
    public List<PhoneNumberView> list(TenantId tenant) {
        List<UserPhoneNumber> owned = numbers.list(tenant);
        List<PhoneNumberView> views = new ArrayList<>(owned.size());
        for (int i = 0; i < owned.size(); i++) views.add(PhoneNumberView.of(owned.get(i), i == 0));
        return views;
    }

    @Override
    public Optional<PhoneNumberView> primary(TenantId tenant) {
        return numbers.list(tenant).stream().findFirst().map(n -> PhoneNumberView.of(n, true));
    }

    @Override
    public PhoneNumberView route(TenantId tenant, String phoneNumber, String scenarioRef) {
        PhoneNumber number = PhoneNumber.parse(phoneNumber);
        UserPhoneNumber owned = numbers.find(tenant, number).orElseThrow(() -> new PhoneNumberNotFoundException("Phone number not found"));
        String ref = scenarioRef == null ? "" : scenarioRef.strip();
        if (ref.isEmpty() || scenarios.find(tenant, ref).isEmpty()) throw new ScenarioNotFoundException();
        transactions.run(() -> numbers.route(tenant, owned.id(), ref));
        return list(tenant).stream().filter(n -> n.id() == owned.id()).findFirst().orElseThrow(
                () -> new PhoneNumberNotFoundException("Phone number not found"));
    }

    @Override
    public void release(TenantId tenant, String phoneNumber) {
        PhoneNumber number = PhoneNumber.parse(phoneNumber);
        UserPhoneNumber owned = numbers.find(tenant, number)
                .orElseThrow(() -> new PhoneNumberNotFoundException("Phone number not found"));
        marketplace.release(owned.carrierSid());
        transactions.run(() -> numbers.remove(tenant, owned.id()));
    }

    @Override
    public PhoneNumber callerIdFor(TenantId tenant) {
        if (policy.developmentMode())
            return policy.systemNumber().orElseThrow(() -> new NoCallerIdException(
                    "Development mode calls from the system number, but TWILIO_PHONE_NUMBER is not set"));
        return numbers.list(tenant).stream().findFirst().map(UserPhoneNumber::phoneNumber)
                .orElseThrow(() -> new NoCallerIdException(
                        "You have no phone number yet: provision one (POST /twilio/provision-number) before placing calls"));
    }

    /** Times are kept to the microsecond, as the database stores them, so an answer and a later read agree. */
    private java.time.Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
