package dev.parley.adapter.out.openai;

import dev.parley.adapter.out.openai.testing.OpenAiSpeechStub;
import dev.parley.domain.call.MuLaw;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneAudioTest {

    private static double rms(byte[] mulaw, int from) {
        double sum = 0;
        for (int i = from; i < mulaw.length - from; i++) {
            double s = MuLaw.decode(mulaw[i]);
            sum += s * s;
        }
        return Math.sqrt(sum / (mulaw.length - 2 * from));
    }

    @Test
    void threeInputSamplesBecomeOneOutputSample() {
        byte[] pcm = OpenAiSpeechStub.tone(440, 24000, 24000);   // one second
        assertThat(PhoneAudio.pcm24kToMulaw8k(pcm)).hasSize(8000);
    }

    @Test
    void speechBandTonesPassAndTonesAboveTheNewNyquistAreRemoved() {
        double sineRms = 8000 / Math.sqrt(2);
        double inBand = rms(PhoneAudio.pcm24kToMulaw8k(OpenAiSpeechStub.tone(1000, 24000, 24000)), 100);
        double aliasing = rms(PhoneAudio.pcm24kToMulaw8k(OpenAiSpeechStub.tone(7000, 24000, 24000)), 100);
        assertThat(inBand).isBetween(sineRms * 0.9, sineRms * 1.1);
        assertThat(aliasing).as("a 7 kHz tone would alias to 1 kHz without the low-pass").isLessThan(sineRms * 0.05);
    }
}
