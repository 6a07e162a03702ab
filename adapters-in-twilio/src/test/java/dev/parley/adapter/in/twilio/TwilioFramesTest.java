package dev.parley.adapter.in.twilio;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioFramesTest {
    private static final String MEDIA = "{\"event\":\"media\",\"sequenceNumber\":\"4\",\"streamSid\":\"MZ1\","
            + "\"media\":{\"track\":\"inbound\",\"chunk\":\"2\",\"timestamp\":\"5\",\"payload\":\"//79/A==\"}}";

    @Test
    void fieldsAreReadWithoutATree() {
        assertThat(TwilioFrames.string(MEDIA, "event")).isEqualTo("media");
        assertThat(TwilioFrames.string(MEDIA, "payload")).isEqualTo("//79/A==");
        assertThat(TwilioFrames.number(TwilioFrames.string(MEDIA, "timestamp"))).isEqualTo(5);
        assertThat(TwilioFrames.string("{ \"event\" : \"mark\" , \"mark\": {\"name\": \"a1\"}}", "name")).isEqualTo("a1");
        assertThat(TwilioFrames.string("{\"event\":\"x\\\"y\"}", "event")).as("escaped values are refused").isNull();
        assertThat(TwilioFrames.string("{\"event\":5}", "event")).isNull();
        assertThat(TwilioFrames.string("{\"other\":\"event\"}", "event")).isNull();
        assertThat(TwilioFrames.string("not json", "event")).isNull();
    }

    @Test
    void onlyWellFormedBase64IsAudio() {
        assertThat(TwilioFrames.isBase64("//79/A==")).isTrue();
        assertThat(TwilioFrames.isBase64("AAAA")).isTrue();
        assertThat(TwilioFrames.isBase64("")).isFalse();
        assertThat(TwilioFrames.isBase64("AAA")).isFalse();
        assertThat(TwilioFrames.isBase64("AA=A")).isFalse();
        assertThat(TwilioFrames.isBase64("%%%%")).isFalse();
    }

    @Test
    void countersAreNonNegativeDecimals() {
        assertThat(TwilioFrames.number("120")).isEqualTo(120);
        assertThat(TwilioFrames.number("-1")).isEqualTo(-1);
        assertThat(TwilioFrames.number("1e3")).isEqualTo(-1);
        assertThat(TwilioFrames.number(null)).isEqualTo(-1);
        assertThat(TwilioFrames.number("9".repeat(30))).isEqualTo(-1);
    }
}
