package dev.parley.bootstrap.caller;

import dev.parley.domain.call.MuLaw;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;

/** WAV files in and out of 8 kHz μ-law, the audio of a phone line (javax.sound reads and writes the files). */
final class PhoneAudio {
    static final float RATE = 8000f;

    private PhoneAudio() {
    }

    /** Any PCM or μ-law/A-law WAV, mixed down to mono and resampled (linearly) to 8 kHz μ-law. */
    static byte[] readAsMuLaw(Path wav) throws IOException {
        try (AudioInputStream source = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat in = source.getFormat();
            AudioFormat pcm = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, in.getSampleRate(), 16, in.getChannels(),
                    2 * in.getChannels(), in.getSampleRate(), false);
            byte[] bytes;
            try (AudioInputStream converted = AudioSystem.getAudioInputStream(pcm, source)) {
                bytes = converted.readAllBytes();
            }
            int channels = in.getChannels();
            int frames = bytes.length / (2 * channels);
            double[] mono = new double[frames];
            for (int f = 0; f < frames; f++) {
                double sum = 0;
                for (int c = 0; c < channels; c++) {
                    int i = (f * channels + c) * 2;
                    sum += (short) ((bytes[i] & 0xFF) | (bytes[i + 1] << 8));
                }
                mono[f] = sum / channels;
            }
            return resampleToMuLaw(mono, in.getSampleRate());
        } catch (UnsupportedAudioFileException e) {
            throw new IOException("Not a WAV file this caller can read: " + wav, e);
        }
    }

    static byte[] resampleToMuLaw(double[] samples, float rate) {
        double step = rate / RATE;
        int n = (int) Math.floor(samples.length / step);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            double at = i * step;
            int left = (int) at;
            int right = Math.min(samples.length - 1, left + 1);
            double frac = at - left;
            out[i] = MuLaw.encode((int) Math.round(samples[left] * (1 - frac) + samples[right] * frac));
        }
        return out;
    }

    /** Two channels, 16-bit PCM at 8 kHz: the caller on the left, the assistant as played on the right. */
    static void writeStereo(Path wav, byte[] callerMuLaw, byte[] assistantMuLaw) throws IOException {
        int frames = Math.max(callerMuLaw.length, assistantMuLaw.length);
        byte[] pcm = new byte[frames * 4];
        for (int f = 0; f < frames; f++) {
            short left = f < callerMuLaw.length ? MuLaw.decode(callerMuLaw[f]) : 0;
            short right = f < assistantMuLaw.length ? MuLaw.decode(assistantMuLaw[f]) : 0;
            pcm[f * 4] = (byte) left;
            pcm[f * 4 + 1] = (byte) (left >> 8);
            pcm[f * 4 + 2] = (byte) right;
            pcm[f * 4 + 3] = (byte) (right >> 8);
        }
        AudioFormat format = new AudioFormat(RATE, 16, 2, true, false);
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(pcm), format, frames)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, wav.toFile());
        }
    }

    /** The right channel of a file written by {@link #writeStereo}, back as μ-law. */
    static byte[] assistantChannel(Path wav) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            byte[] pcm = in.readAllBytes();
            byte[] out = new byte[pcm.length / 4];
            for (int f = 0; f < out.length; f++) out[f] = MuLaw.encode((short) ((pcm[f * 4 + 2] & 0xFF) | (pcm[f * 4 + 3] << 8)));
            return out;
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(e);
        }
    }
}
