package dev.parley.adapter.out.twilio;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Say;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import dev.parley.application.call.port.out.CallControl;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;

/** {@link CallControl} on Twilio's Calls resource through the SDK (create, update with new TwiML, update to completed). */
@Singleton
class TwilioCallControl implements CallControl {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioCallControl.class);
    static final List<String> LIFECYCLE_EVENTS = List.of("initiated", "ringing", "answered", "completed");
    private final TwilioRestClient client;

    TwilioCallControl(TwilioRestClient client) {
        this.client = client;
    }

    @Override
    public String dial(DialRequest request) {
        try {
            Call call = Call.creator(new PhoneNumber(request.to().e164()), new PhoneNumber(request.from().e164()),
                            URI.create(request.instructionsUrl()))
                    .setMethod(HttpMethod.POST)
                    .setStatusCallback(URI.create(request.statusCallbackUrl()))
                    .setStatusCallbackMethod(HttpMethod.POST)
                    .setStatusCallbackEvent(LIFECYCLE_EVENTS)
                    .setRecord(true)
                    .setRecordingStatusCallback(request.recordingCallbackUrl())
                    .setRecordingStatusCallbackMethod(HttpMethod.POST)
                    .create(client);
            LOG.info("Placed call {} to {}", call.getSid(), request.to().masked());
            return call.getSid();
        } catch (TwilioException e) {
            LOG.warn("Twilio refused a call to {}: {}", request.to().masked(), reason(e));
            throw new CallControlException(e.getMessage(), e, passing(e));
        }
    }

    @Override
    public void hangUp(String carrierSid) {
        try {
            Call.updater(carrierSid).setStatus(Call.UpdateStatus.COMPLETED).update(client);
        } catch (TwilioException e) {
            LOG.warn("Could not hang up call {}: {}", carrierSid, reason(e));
            throw new CallControlException(e.getMessage(), e);
        }
    }

    @Override
    public void redirect(String carrierSid, CallInstructions instructions) {
        try {
            Call.updater(carrierSid).setTwiml(new Twiml(twiml(instructions))).update(client);
        } catch (TwilioException e) {
            LOG.warn("Could not redirect call {}: {}", carrierSid, reason(e));
            throw new CallControlException(e.getMessage(), e);
        }
    }

    /** Unreachable (no HTTP status), a server error or throttling: the same request may succeed later. */
    static boolean passing(TwilioException e) {
        if (!(e instanceof ApiException api) || api.getStatusCode() == null) return true;
        int status = api.getStatusCode();
        return status >= 500 || status == 429;
    }

    /** Twilio's error code and status, never its message (which may quote a phone number). */
    private static String reason(TwilioException e) {
        if (e instanceof ApiException api) return "error " + api.getCode() + " (HTTP " + api.getStatusCode() + ")";
        return e.getClass().getSimpleName();
    }

    static String twiml(CallInstructions instructions) {
        VoiceResponse.Builder response = new VoiceResponse.Builder();
        switch (instructions) {
            case CallInstructions.SayAndHangUp s -> response.say(new Say.Builder(s.text()).build()).hangup(new Hangup.Builder().build());
            case CallInstructions.Transfer t -> response.say(new Say.Builder(t.announcement()).build())
                    .dial(new Dial.Builder().number(new Number.Builder(t.to().e164()).build()).build());
        }
        return response.build().toXml();
    }
}
