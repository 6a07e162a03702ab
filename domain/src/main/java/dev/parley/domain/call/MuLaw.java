package dev.parley.domain.call;

/** G.711 μ-law (ITU-T, bias 0x84, clip 32635): the 8 kHz, 8-bit audio of a phone line and of Twilio media streams. */
public final class MuLaw {
    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;

    private MuLaw() {
    }

    /** One signed 16-bit sample to μ-law. */
    public static byte encode(int pcm) {
        int sign = (pcm >> 8) & 0x80;
        if (sign != 0) pcm = -pcm;
        if (pcm > CLIP) pcm = CLIP;
        pcm += BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (pcm & mask) == 0 && exponent > 0; mask >>= 1) exponent--;
        int mantissa = (pcm >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    /** One μ-law byte back to a signed 16-bit sample. */
    public static short decode(byte mulaw) {
        int x = ~mulaw & 0xFF;
        int magnitude = (((x & 0x0F) << 3) + BIAS) << ((x >> 4) & 0x07);
        return (short) ((x & 0x80) != 0 ? BIAS - magnitude : magnitude - BIAS);
    }
}
