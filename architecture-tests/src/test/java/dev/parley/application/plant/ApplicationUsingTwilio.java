package dev.parley.application.plant;

/** Planted violation: a vendor SDK outside its adapter. */
public class ApplicationUsingTwilio {
    public com.twilio.http.TwilioRestClient client;
}
