package dev.parley.adapter.out.twilio.testing;

import java.util.List;

/** Scripts {@link TwilioApiStub} with Twilio's answers for accounts and phone numbers (shapes of protocols/twilio.md §6.3-6.4). */
public final class TwilioNumbersScript {
    private final TwilioApiStub twilio;
    private final String account;

    public TwilioNumbersScript(TwilioApiStub twilio, String accountSid) {
        this.twilio = twilio;
        this.account = accountSid;
    }

    private String base() {
        return "/2010-04-01/Accounts/" + account;
    }

    public TwilioNumbersScript account(String friendlyName, String balance) {
        twilio.on("GET", base() + "\\.json", 200, "{\"sid\":\"" + account + "\",\"friendly_name\":\"" + friendlyName + "\","
                + "\"status\":\"active\",\"type\":\"Full\",\"owner_account_sid\":\"" + account + "\","
                + "\"date_created\":\"Tue, 31 Aug 2010 20:36:28 +0000\",\"date_updated\":\"Tue, 31 Aug 2010 20:36:28 +0000\","
                + "\"auth_token\":\"redacted\",\"uri\":\"" + base() + ".json\",\"subresource_uris\":{}}");
        twilio.on("GET", base() + "/Balance\\.json", 200,
                "{\"account_sid\":\"" + account + "\",\"balance\":\"" + balance + "\",\"currency\":\"USD\"}");
        return this;
    }

    /** Local numbers on offer in the US. */
    public TwilioNumbersScript offering(List<String> e164Numbers) {
        StringBuilder items = new StringBuilder();
        for (String n : e164Numbers) {
            if (!items.isEmpty()) items.append(',');
            items.append("{\"friendly_name\":\"(").append(n, 2, 5).append(") ").append(n, 5, 8).append('-').append(n.substring(8))
                    .append("\",\"phone_number\":\"").append(n).append("\",\"lata\":\"628\",\"locality\":\"Albuquerque\","
                            + "\"rate_center\":\"ALBUQUERQUE\",\"latitude\":\"35.08\",\"longitude\":\"-106.65\",\"region\":\"NM\","
                            + "\"postal_code\":\"87101\",\"iso_country\":\"US\",\"address_requirements\":\"none\",\"beta\":false,"
                            + "\"capabilities\":{\"voice\":true,\"SMS\":true,\"MMS\":false,\"fax\":false}}");
        }
        String uri = base() + "/AvailablePhoneNumbers/US/Local.json";
        twilio.on("GET", base() + "/AvailablePhoneNumbers/US/Local\\.json", 200, "{\"uri\":\"" + uri + "\",\"first_page_uri\":\"" + uri
                + "\",\"next_page_uri\":null,\"previous_page_uri\":null,\"page\":0,\"page_size\":" + Math.max(1, e164Numbers.size())
                + ",\"start\":0,\"end\":" + Math.max(0, e164Numbers.size() - 1) + ",\"available_phone_numbers\":[" + items + "]}");
        return this;
    }

    /** Purchases succeed and echo the requested number with a fresh PN sid. */
    public TwilioNumbersScript purchasesSucceed() {
        twilio.on("POST", base() + "/IncomingPhoneNumbers\\.json", request -> {
            String number = request.formValue("PhoneNumber");
            String sid = "PN" + String.format("%032x", Math.abs((long) number.hashCode()));
            return new TwilioApiStub.Answer(201, "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + account + "\",\"phone_number\":\""
                    + number + "\",\"friendly_name\":\"" + request.formValue("FriendlyName") + "\",\"voice_url\":\""
                    + request.formValue("VoiceUrl") + "\",\"voice_method\":\"POST\",\"status\":\"in-use\",\"origin\":\"twilio\","
                    + "\"capabilities\":{\"voice\":true,\"sms\":true,\"mms\":true,\"fax\":false},"
                    + "\"date_created\":\"Tue, 31 Aug 2010 20:36:28 +0000\",\"date_updated\":\"Tue, 31 Aug 2010 20:36:28 +0000\","
                    + "\"uri\":\"" + base() + "/IncomingPhoneNumbers/" + sid + ".json\"}");
        });
        return this;
    }

    /** Twilio's answer when someone else bought the number first. */
    public TwilioNumbersScript purchaseFailsNumberGone() {
        twilio.on("POST", base() + "/IncomingPhoneNumbers\\.json", 400,
                TwilioApiStub.error(400, 21422, "PhoneNumber is not available"));
        return this;
    }

    public TwilioNumbersScript releasesSucceed() {
        twilio.on("DELETE", base() + "/IncomingPhoneNumbers/PN\\w+\\.json", 204, null);
        return this;
    }

    /** Every request answers 401, as with a wrong auth token. */
    public TwilioNumbersScript rejectsCredentials() {
        for (String method : List.of("GET", "POST", "DELETE"))
            twilio.on(method, "/2010-04-01/.*", 401, TwilioApiStub.error(401, 20003, "Authenticate"));
        return this;
    }

    public String purchasePath() {
        return base() + "/IncomingPhoneNumbers\\.json";
    }

    public String releasePath() {
        return base() + "/IncomingPhoneNumbers/PN\\w+\\.json";
    }
}
