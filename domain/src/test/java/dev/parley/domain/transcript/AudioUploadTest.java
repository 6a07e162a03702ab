package dev.parley.domain.transcript;

import dev.parley.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AudioUploadTest {
    @Test
    void aKnownFormatWithinTheLimitIsAccepted() {
        AudioUpload upload = new AudioUpload("Voicemail.MP3", null, new byte[]{1});
        assertThat(upload.extension()).isEqualTo("mp3");
        assertThat(upload.contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void emptyOversizeAndUnknownFormatsAreRefusedWithTheirOwnReasons() {
        assertThatThrownBy(() -> new AudioUpload("a.wav", "audio/wav", new byte[0])).isInstanceOf(InvalidValueException.class)
                .isNotInstanceOf(AudioTooLargeException.class);
        assertThatThrownBy(() -> new AudioUpload("a.wav", "audio/wav", new byte[(int) AudioUpload.MAX_BYTES + 1]))
                .isInstanceOf(AudioTooLargeException.class).hasMessageContaining("25 MB");
        assertThatThrownBy(() -> new AudioUpload("notes.txt", "text/plain", new byte[]{1})).isInstanceOf(UnsupportedAudioTypeException.class);
        assertThatThrownBy(() -> new AudioUpload(null, "audio/wav", new byte[]{1})).isInstanceOf(UnsupportedAudioTypeException.class);
    }
}
