package dev.parley.adapter.out.twilio;

import com.twilio.http.TwilioRestClient;
import dev.parley.adapter.out.twilio.testing.TwilioApiStub;
import dev.parley.application.call.port.out.CallControl;
import dev.parley.domain.shared.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real SDK calls, over HTTP, against the local Twilio stand-in. */
class TwilioCallControlTest {
    private final TwilioApiStub twilio = new TwilioApiStub();
    private final TwilioCallControl control = new TwilioCallControl(new TwilioRestClient.Builder("ACtest", "token")
            .httpClient(new BaseUrlRewritingHttpClient(twilio.baseUrl())).build());

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Test
    void aCallIsCreatedWithOurUrlsEveryLifecycleEventAndRecording() {
        twilio.on("POST", "/2010-04-01/Accounts/ACtest/Calls.json", 201,
                "{\"sid\":\"CA0123456789abcdef0123456789abcdef\",\"status\":\"queued\",\"account_sid\":\"ACtest\"}");
        String sid = control.dial(new CallControl.DialRequest(new PhoneNumber("+14155550100"), new PhoneNumber("+14155550199"),
                "https://p.example.com/outbound-call/7", "https://p.example.com/call-status/7", "https://p.example.com/recording-callback"));
        assertThat(sid).isEqualTo("CA0123456789abcdef0123456789abcdef");
        var sent = twilio.requests("POST", ".*/Calls.json").getFirst();
        assertThat(sent.formValue("To")).isEqualTo("+14155550100");
        assertThat(sent.formValue("From")).isEqualTo("+14155550199");
        assertThat(sent.formValue("Url")).isEqualTo("https://p.example.com/outbound-call/7");
        assertThat(sent.formValue("Method")).isEqualTo("POST");
        assertThat(sent.formValue("StatusCallback")).isEqualTo("https://p.example.com/call-status/7");
        assertThat(sent.form().get("StatusCallbackEvent")).containsExactly("initiated", "ringing", "answered", "completed");
        assertThat(sent.formValue("Record")).isEqualTo("true");
        assertThat(sent.formValue("RecordingStatusCallback")).isEqualTo("https://p.example.com/recording-callback");
        assertThat(sent.header("Authorization")).startsWith("Basic ");
    }

    @Test
    void aRefusalBecomesACallControlException() {
        twilio.on("POST", ".*/Calls.json", 400, TwilioApiStub.error(400, 21211, "The 'To' number is not a valid phone number."));
        assertThatThrownBy(() -> control.dial(new CallControl.DialRequest(new PhoneNumber("+14155550100"),
                new PhoneNumber("+14155550199"), "https://a/b", "https://a/c", "https://a/d")))
                .isInstanceOf(CallControl.CallControlException.class).hasMessageContaining("not a valid phone number");
    }

    @Test
    void hangUpAndRedirectUpdateTheCall() {
        twilio.on("POST", ".*/Calls/CA1.json", 200, "{\"sid\":\"CA1\",\"status\":\"in-progress\"}");
        control.hangUp("CA1");
        control.redirect("CA1", new CallControl.CallInstructions.SayAndHangUp("Sorry, a technical problem."));
        control.redirect("CA1", new CallControl.CallInstructions.Transfer("One moment.", new PhoneNumber("+14155550111")));
        var sent = twilio.requests("POST", ".*/Calls/CA1.json");
        assertThat(sent.get(0).formValue("Status")).isEqualTo("completed");
        assertThat(sent.get(1).formValue("Twiml")).contains("<Say>Sorry, a technical problem.</Say>").contains("<Hangup/>");
        assertThat(sent.get(2).formValue("Twiml")).contains("<Dial><Number>+14155550111</Number></Dial>");
    }
}
