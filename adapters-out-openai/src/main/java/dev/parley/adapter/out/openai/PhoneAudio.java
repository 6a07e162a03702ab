package dev.parley.adapter.out.openai;

import dev.parley.domain.call.MuLaw;

/**
 * Converts the speech API's audio (raw 24 kHz, 16-bit signed little-endian, mono) into what a
 * phone line carries (G.711 μ-law, 8 kHz): a windowed-sinc low-pass FIR at 3.4 kHz to avoid
 * aliasing, keeping every third sample, then μ-law encoding ({@link MuLaw}).
 */
final class PhoneAudio {
    private static final int TAPS = 47;
    private static final double[] LOW_PASS = lowPass(3400.0 / 24000.0, TAPS);

    private PhoneAudio() {
    }

    /** 24 kHz s16le PCM → 8 kHz μ-law; a trailing odd byte is ignored. */
    static byte[] pcm24kToMulaw8k(byte[] pcm) {
        int samples = pcm.length / 2;
        short[] in = new short[samples];
        for (int i = 0; i < samples; i++) in[i] = (short) ((pcm[2 * i] & 0xFF) | (pcm[2 * i + 1] << 8));
        int outLength = samples / 3;
        byte[] out = new byte[outLength];
        int half = TAPS / 2;
        for (int o = 0; o < outLength; o++) {
            int centre = o * 3;
            double acc = 0;
            for (int t = 0; t < TAPS; t++) {
                int i = centre + t - half;
                if (i >= 0 && i < samples) acc += LOW_PASS[t] * in[i];
            }
            out[o] = MuLaw.encode((int) Math.round(Math.max(-32768, Math.min(32767, acc))));
        }
        return out;
    }

    /** Hamming-windowed sinc, unity gain at DC; {@code cutoff} as a fraction of the sample rate. */
    private static double[] lowPass(double cutoff, int taps) {
        double[] h = new double[taps];
        int m = taps - 1;
        double sum = 0;
        for (int n = 0; n < taps; n++) {
            double x = n - m / 2.0;
            double sinc = x == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
            double window = 0.54 - 0.46 * Math.cos(2 * Math.PI * n / m);
            h[n] = sinc * window;
            sum += h[n];
        }
        for (int n = 0; n < taps; n++) h[n] /= sum;
        return h;
    }
}
