package dev.parley.adapter.out.twilio;

import com.twilio.base.Page;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.Account;
import com.twilio.rest.api.v2010.account.Balance;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;
import com.twilio.rest.api.v2010.account.availablephonenumbercountry.Local;
import com.twilio.rest.api.v2010.account.availablephonenumbercountry.LocalReader;
import com.twilio.type.PhoneNumberCapabilities;
import dev.parley.application.telephony.port.out.CarrierRequestRefusedException;
import dev.parley.application.telephony.port.out.CarrierUnavailableException;
import dev.parley.application.telephony.port.out.NumberMarketplace;
import dev.parley.application.telephony.port.out.NumberUnavailableException;
import dev.parley.domain.shared.InvalidValueException;
import dev.parley.domain.shared.PhoneNumber;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@link NumberMarketplace} on Twilio's REST API through the official SDK. SDK types and
 * exceptions stay here: Twilio's answers become the port's exceptions (number gone: conflict;
 * our input refused: 4xx; credentials, outage, network: carrier unavailable, a 502 upstream).
 */
@Singleton
class TwilioNumberMarketplace implements NumberMarketplace {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioNumberMarketplace.class);
    /** 21422 number not available, 21421 invalid number, 21452 no numbers found, 21404 not found. */
    private static final Set<Integer> NUMBER_UNAVAILABLE = Set.of(21421, 21422, 21452, 21404, 20404);
    private final TwilioRestClient client;
    private final TwilioProperties properties;

    TwilioNumberMarketplace(TwilioRestClient client, TwilioProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    @Override
    public CarrierAccount account() {
        Account account = call("read the account", () -> Account.fetcher(properties.accountSid()).fetch(client));
        String balance = "";
        String currency = "";
        try {
            Balance b = call("read the balance", () -> Balance.fetcher(properties.accountSid()).fetch(client));
            balance = Objects.toString(b.getBalance(), "");
            currency = Objects.toString(b.getCurrency(), "");
        } catch (CarrierRequestRefusedException noBalance) {
            LOG.info("Twilio did not report a balance for the account: {}", noBalance.getMessage());
        }
        return new CarrierAccount(account.getSid(), Objects.toString(account.getFriendlyName(), ""),
                account.getStatus() == null ? "" : account.getStatus().toString(),
                account.getType() == null ? "" : account.getType().toString(), balance, currency);
    }

    @Override
    public List<AvailableNumber> search(String isoCountry, Integer areaCode, int limit) {
        LocalReader reader = Local.reader(properties.accountSid(), isoCountry).setVoiceEnabled(true).setPageSize((long) limit);
        if (areaCode != null) reader.setAreaCode(areaCode);
        Page<Local> page = call("search numbers", () -> reader.firstPage(client));
        return page.getRecords().stream().limit(limit).map(TwilioNumberMarketplace::toAvailable).toList();
    }

    @Override
    public PurchasedNumber purchase(PhoneNumber number, String voiceUrl, String friendlyName) {
        try {
            IncomingPhoneNumber bought = call("buy a number", () -> IncomingPhoneNumber
                    .creator(properties.accountSid(), new com.twilio.type.PhoneNumber(number.e164()))
                    .setVoiceUrl(URI.create(voiceUrl))
                    .setVoiceMethod(HttpMethod.POST)
                    .setFriendlyName(friendlyName)
                    .create(client));
            PhoneNumberCapabilities caps = bought.getCapabilities();
            PhoneNumber stored = bought.getPhoneNumber() == null ? number : new PhoneNumber(bought.getPhoneNumber().toString());
            return new PurchasedNumber(bought.getSid(), stored, Objects.toString(bought.getFriendlyName(), number.e164()),
                    caps == null || caps.getVoice(), caps != null && caps.getSms());
        } catch (CarrierRequestRefusedException refused) {
            throw new NumberUnavailableException("Phone number " + number.e164() + " is no longer available: " + refused.getMessage());
        }
    }

    @Override
    public void release(String carrierSid) {
        try {
            call("release a number", () -> IncomingPhoneNumber.deleter(properties.accountSid(), carrierSid).delete(client));
        } catch (NotHeldException alreadyGone) {
            // Twilio no longer has it (released in the console, or an earlier attempt went through): released
            LOG.info("Twilio no longer holds number {}; treating it as released", carrierSid);
        }
    }

    private static AvailableNumber toAvailable(Local l) {
        PhoneNumberCapabilities caps = l.getCapabilities();
        return new AvailableNumber(new PhoneNumber(l.getPhoneNumber().toString()), Objects.toString(l.getFriendlyName(), ""),
                Objects.toString(l.getLocality(), ""), Objects.toString(l.getRegion(), ""), Objects.toString(l.getPostalCode(), ""),
                Objects.toString(l.getIsoCountry(), ""), caps == null || caps.getVoice(), caps != null && caps.getSms(),
                caps != null && caps.getMms());
    }

    /** Runs one SDK call and translates its failures into the port's exceptions. */
    private <T> T call(String what, Supplier<T> sdkCall) {
        if (!properties.isConfigured())
            throw new CarrierUnavailableException("Twilio is not configured: set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN", null);
        try {
            return sdkCall.get();
        } catch (ApiException e) {
            int status = e.getStatusCode() == null ? 0 : e.getStatusCode();
            int code = e.getCode() == null ? 0 : e.getCode();
            LOG.warn("Twilio refused to {}: HTTP {} code {}", what, status, code);
            if (status == 401 || status == 403 || code == 20003)
                throw new CarrierUnavailableException("Twilio rejected our credentials (check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN)", e);
            if (status == 404 || NUMBER_UNAVAILABLE.contains(code))
                throw new NotHeldException(twilioMessage(e, "Twilio does not have it"));
            if (status >= 400 && status < 500 && status != 429)
                throw new CarrierRequestRefusedException("Twilio refused the request: " + twilioMessage(e, "no reason given"));
            if (status == 0) throw new CarrierUnavailableException("Twilio could not be reached to " + what + "; try again later", e);
            throw new CarrierUnavailableException("Twilio could not " + what + " (HTTP " + status + "); try again later", e);
        } catch (InvalidValueException e) {
            throw new CarrierUnavailableException("Twilio answered a number that is not E.164", e);
        } catch (TwilioException | IllegalArgumentException e) {
            LOG.warn("Twilio unreachable while trying to {}: {}", what, e.getClass().getSimpleName());
            throw new CarrierUnavailableException("Twilio could not be reached to " + what + "; try again later", e);
        }
    }

    /** Twilio does not have (or no longer offers) what was asked for. */
    private static final class NotHeldException extends CarrierRequestRefusedException {
        NotHeldException(String message) {
            super(message);
        }
    }

    private static String twilioMessage(ApiException e, String fallback) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? fallback : m;
    }
}
