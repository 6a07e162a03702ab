package dev.parley.application.console.service;

import dev.parley.domain.call.MuLaw;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Wraps telephone audio (G.711 μ-law) as a 16-bit PCM WAV file, the container speech-to-text services take. */
final class MulawWav {
    private MulawWav() {
    }

    static byte[] of(byte[] mulaw, int sampleRate) {
        int dataBytes = mulaw.length * 2;
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
        for (byte b : mulaw) wav.putShort(MuLaw.decode(b));
        return wav.array();
    }
}
