package dev.parley.application.telephony.port.out;

import dev.parley.domain.shared.PhoneNumber;

import java.util.List;

/**
 * The carrier's market of phone numbers (Twilio REST): search, buy, release, and the account that
 * pays. Failures cross this port only as {@link NumberUnavailableException} (the number cannot be
 * bought), {@link CarrierRequestRefusedException} (the carrier refused our input) or
 * {@link CarrierUnavailableException} (credentials, outage, network: not the client's fault).
 */
public interface NumberMarketplace {
    CarrierAccount account();

    /** Local numbers of a country with voice, optionally within an area code; at most {@code limit}. */
    List<AvailableNumber> search(String isoCountry, Integer areaCode, int limit);

    /** Buys the number and points its voice webhook at {@code voiceUrl}. */
    PurchasedNumber purchase(PhoneNumber number, String voiceUrl, String friendlyName);

    /** Gives the number back to the carrier. A number the carrier no longer has counts as released. */
    void release(String carrierSid);

    /** The carrier account: {@code status} active|suspended|closed, {@code type} Trial|Full, balance as the carrier states it. */
    record CarrierAccount(String accountSid, String friendlyName, String status, String type, String balance, String currency) {
    }

    /** A number on offer. */
    record AvailableNumber(PhoneNumber phoneNumber, String friendlyName, String locality, String region, String postalCode,
                           String isoCountry, boolean voice, boolean sms, boolean mms) {
    }

    /** A number just bought. */
    record PurchasedNumber(String carrierSid, PhoneNumber phoneNumber, String friendlyName, boolean voice, boolean sms) {
    }
}
