package dev.parley.domain;

import dev.parley.domain.call.MuLaw;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MuLawTest {
    @Test
    void samplesRoundTripWithinTheQuantisationStep() {
        for (int pcm = -32000; pcm <= 32000; pcm += 37) {
            int back = MuLaw.decode(MuLaw.encode(pcm));
            assertThat(Math.abs(back - pcm)).as("sample %d", pcm).isLessThanOrEqualTo(Math.max(8, Math.abs(pcm) / 16));
        }
    }

    @Test
    void silenceIsFfAndTheExtremesClip() {
        assertThat(MuLaw.encode(0)).isEqualTo((byte) 0xFF);
        assertThat(MuLaw.decode((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(MuLaw.encode(32767)).as("above 32635 clips").isEqualTo(MuLaw.encode(32640));
        assertThat(MuLaw.decode((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(MuLaw.decode((byte) 0x80)).isEqualTo((short) 32124);
    }
}
