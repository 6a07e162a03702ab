package dev.parley.domain.transcript;

import dev.parley.domain.shared.InvalidValueException;

import java.util.Locale;
import java.util.Set;

/** An audio file a user uploaded to be transcribed: a format the transcription service reads, at most 25 MB. */
public record AudioUpload(String filename, String contentType, byte[] content) {
    public static final long MAX_BYTES = 25L * 1024 * 1024;
    public static final Set<String> EXTENSIONS = Set.of("flac", "mp3", "mp4", "mpeg", "mpga", "m4a", "ogg", "oga", "wav", "webm");

    public AudioUpload {
        if (content == null || content.length == 0)
            throw new InvalidValueException("file", "audio.empty", "The uploaded file is empty");
        if (content.length > MAX_BYTES) throw new AudioTooLargeException(MAX_BYTES);
        String extension = extensionOf(filename);
        if (!EXTENSIONS.contains(extension)) throw new UnsupportedAudioTypeException();
        contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
    }

    /** The file name's extension in lower case, empty when there is none. */
    public static String extensionOf(String filename) {
        if (filename == null) return "";
        int dot = filename.lastIndexOf('.');
        return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public String extension() {
        return extensionOf(filename);
    }
}
