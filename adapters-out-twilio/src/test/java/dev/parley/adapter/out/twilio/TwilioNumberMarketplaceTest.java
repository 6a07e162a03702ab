package dev.parley.adapter.out.twilio;

import dev.parley.adapter.out.twilio.testing.TwilioApiStub;
import dev.parley.adapter.out.twilio.testing.TwilioNumbersScript;
import dev.parley.application.telephony.port.out.CarrierRequestRefusedException;
import dev.parley.application.telephony.port.out.CarrierUnavailableException;
import dev.parley.application.telephony.port.out.NumberMarketplace.AvailableNumber;
import dev.parley.application.telephony.port.out.NumberMarketplace.CarrierAccount;
import dev.parley.application.telephony.port.out.NumberMarketplace.PurchasedNumber;
import dev.parley.application.telephony.port.out.NumberUnavailableException;
import dev.parley.domain.shared.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The number marketplace through the real SDK, over HTTP, against the local Twilio stand-in. */
class TwilioNumberMarketplaceTest {
    private final TwilioApiStub twilio = new TwilioApiStub();
    private final TwilioNumbersScript script = new TwilioNumbersScript(twilio, "ACtest");
    private final TwilioProperties properties = new TwilioProperties("ACtest", "secret-token", "+15550001", twilio.baseUrl());
    private final TwilioNumberMarketplace marketplace = new TwilioNumberMarketplace(
            new TwilioClientFactory().twilioRestClient(properties), properties);

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Test
    void theAccountAndItsBalanceAreRead() {
        script.account("Parley test", "12.34");
        CarrierAccount account = marketplace.account();
        assertThat(account).isEqualTo(new CarrierAccount("ACtest", "Parley test", "active", "Full", "12.34", "USD"));
    }

    @Test
    void searchAsksForVoiceNumbersInTheAreaCode() {
        script.offering(List.of("+15059675418", "+15059675419"));
        List<AvailableNumber> found = marketplace.search("US", 505, 2);

        assertThat(found).extracting(AvailableNumber::phoneNumber)
                .containsExactly(new PhoneNumber("+15059675418"), new PhoneNumber("+15059675419"));
        assertThat(found.getFirst().locality()).isEqualTo("Albuquerque");
        assertThat(found.getFirst().voice()).isTrue();
        TwilioApiStub.Recorded sent = twilio.requests().getFirst();
        assertThat(sent.query()).containsEntry("AreaCode", "505").containsEntry("VoiceEnabled", "true").containsEntry("PageSize", "2");
    }

    @Test
    void aPurchasePointsTheVoiceWebhookAtUs() {
        script.purchasesSucceed();
        PurchasedNumber bought = marketplace.purchase(new PhoneNumber("+15059675418"), "https://parley.example/incoming-call", "Main");

        assertThat(bought.carrierSid()).startsWith("PN");
        assertThat(bought.phoneNumber()).isEqualTo(new PhoneNumber("+15059675418"));
        assertThat(bought.sms()).isTrue();
        TwilioApiStub.Recorded sent = twilio.requests("POST", script.purchasePath()).getFirst();
        assertThat(sent.formValue("PhoneNumber")).isEqualTo("+15059675418");
        assertThat(sent.formValue("VoiceUrl")).isEqualTo("https://parley.example/incoming-call");
        assertThat(sent.formValue("VoiceMethod")).isEqualTo("POST");
        assertThat(sent.formValue("FriendlyName")).isEqualTo("Main");
    }

    @Test
    void aNumberSomeoneElseBoughtIsUnavailable() {
        script.purchaseFailsNumberGone();
        assertThatThrownBy(() -> marketplace.purchase(new PhoneNumber("+15059675418"), "https://x.example/incoming-call", "n"))
                .isInstanceOf(NumberUnavailableException.class).hasMessageContaining("no longer available");
    }

    @Test
    void wrongCredentialsAreACarrierFailureNotTheClientsFault() {
        script.rejectsCredentials();
        assertThatThrownBy(marketplace::account).isInstanceOf(CarrierUnavailableException.class)
                .hasMessageContaining("TWILIO_AUTH_TOKEN");
        assertThatThrownBy(() -> marketplace.search("US", null, 5)).isInstanceOf(CarrierUnavailableException.class);
    }

    @Test
    void releaseDeletesAndANumberTwilioNoLongerHasCountsAsReleased() {
        script.releasesSucceed();
        marketplace.release("PN0123456789abcdef0123456789abcdef");
        assertThat(twilio.requests("DELETE", "/2010-04-01/Accounts/ACtest/IncomingPhoneNumbers/PN0123456789abcdef0123456789abcdef\\.json"))
                .hasSize(1);

        twilio.reset();
        marketplace.release("PNffffffffffffffffffffffffffffffff");   // the stand-in answers 404 for anything unscripted
        assertThat(twilio.requests()).hasSize(1);
    }

    @Test
    void twilioOutagesAndBadInputAreTold() {
        twilio.on("GET", "/2010-04-01/Accounts/ACtest/AvailablePhoneNumbers/US/Local\\.json", 400,
                TwilioApiStub.error(400, 21211, "Invalid AreaCode"));
        assertThatThrownBy(() -> marketplace.search("US", 999, 5)).isInstanceOf(CarrierRequestRefusedException.class)
                .hasMessageContaining("Invalid AreaCode");
        twilio.on("GET", "/2010-04-01/Accounts/ACtest\\.json", 503, TwilioApiStub.error(503, 20500, "Service unavailable"));
        assertThatThrownBy(marketplace::account).isInstanceOf(CarrierUnavailableException.class);
    }

    @Test
    void anUnreachableTwilioIsACarrierFailure() {
        twilio.close();
        assertThatThrownBy(marketplace::account).isInstanceOf(CarrierUnavailableException.class)
                .hasMessageContaining("could not be reached");
    }

    @Test
    void anUnconfiguredAccountSaysSoWithoutCallingTwilio() {
        TwilioProperties empty = new TwilioProperties("", "", "", twilio.baseUrl());
        TwilioNumberMarketplace unconfigured = new TwilioNumberMarketplace(new TwilioClientFactory().twilioRestClient(empty), empty);
        assertThatThrownBy(unconfigured::account).isInstanceOf(CarrierUnavailableException.class)
                .hasMessageContaining("TWILIO_ACCOUNT_SID");
        assertThat(twilio.requests()).isEmpty();
    }
}
