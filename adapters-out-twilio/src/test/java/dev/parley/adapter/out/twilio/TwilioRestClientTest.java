package dev.parley.adapter.out.twilio;

import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.Account;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.intelligence.v2.Transcript;
import com.twilio.type.PhoneNumber;
import dev.parley.adapter.out.twilio.testing.TwilioApiStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real SDK, over HTTP, against the local stand-in: the base-URL rewrite keeps paths, params and auth. */
class TwilioRestClientTest {
    private final TwilioApiStub twilio = new TwilioApiStub();
    private final TwilioRestClient client = new TwilioClientFactory().twilioRestClient(
            new TwilioProperties("ACtest", "secret-token", "+15550001", twilio.baseUrl()));

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Test
    void anSdkCallReachesTheStandInWithPathFormAndBasicAuth() {
        twilio.on("POST", "/2010-04-01/Accounts/ACtest/Calls.json", 201,
                "{\"sid\":\"CA123\",\"account_sid\":\"ACtest\",\"status\":\"queued\",\"to\":\"+15550002\",\"from\":\"+15550001\"}");

        Call call = Call.creator(new PhoneNumber("+15550002"), new PhoneNumber("+15550001"), URI.create("https://x.example/twiml"))
                .create(client);

        assertThat(call.getSid()).isEqualTo("CA123");
        TwilioApiStub.Recorded sent = twilio.requests().getFirst();
        assertThat(sent.formValue("To")).isEqualTo("+15550002");
        assertThat(sent.formValue("Url")).isEqualTo("https://x.example/twiml");
        assertThat(sent.header("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("ACtest:secret-token".getBytes()));
    }

    @Test
    void otherTwilioDomainsLandOnTheSameStandIn() {
        twilio.on("GET", "/v2/Transcripts", 200, "{\"transcripts\":[],\"meta\":{\"page\":0,\"page_size\":50,"
                + "\"first_page_url\":\"https://intelligence.twilio.com/v2/Transcripts?PageSize=50&Page=0\","
                + "\"previous_page_url\":null,\"url\":\"https://intelligence.twilio.com/v2/Transcripts?PageSize=50&Page=0\","
                + "\"next_page_url\":null,\"key\":\"transcripts\"}}");

        assertThat(Transcript.reader().read(client).iterator().hasNext()).isFalse();
        assertThat(twilio.requests("GET", "/v2/Transcripts")).hasSize(1);
    }

    @Test
    void twilioErrorsSurfaceWithTheirStatusAndCode() {
        twilio.on("GET", "/2010-04-01/Accounts/ACtest.json", 401, TwilioApiStub.error(401, 20003, "Authenticate"));

        assertThatThrownBy(() -> Account.fetcher("ACtest").fetch(client))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(401);
                    assertThat(e.getCode()).isEqualTo(20003);
                });
    }
}
