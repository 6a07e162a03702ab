package dev.parley.application;

import dev.parley.application.shared.PublicUrl;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicUrlTest {
    @Test
    void aBareHostMeansHttps() {
        assertThat(new PublicUrl("abc.ngrok-free.app").http("/incoming-call")).isEqualTo("https://abc.ngrok-free.app/incoming-call");
        assertThat(new PublicUrl("abc.ngrok-free.app/").webSocket("media-stream")).isEqualTo("wss://abc.ngrok-free.app/media-stream");
    }

    @Test
    void aPlainHttpBaseGivesWs() {
        assertThat(new PublicUrl("http://localhost:5050").webSocket("/media-stream")).isEqualTo("ws://localhost:5050/media-stream");
    }

    @Test
    void garbageIsRefused() {
        assertThatThrownBy(() -> new PublicUrl("ftp://x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PublicUrl(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
