package dev.parley.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConversationModelChoiceTest {
    @Test
    void developmentWithoutAKeyTalksToTheSimulatedAssistant() {
        assertThat(ConversationModelChoice.choose(Map.of())).isEqualTo("simulated");
        assertThat(ConversationModelChoice.choose(Map.of("OPENAI_API_KEY", " "))).isEqualTo("simulated");
    }

    @Test
    void aKeyOrProductionModeMeansTheRealtimeApi() {
        assertThat(ConversationModelChoice.choose(Map.of("OPENAI_API_KEY", "sk-test"))).isEqualTo("realtime");
        assertThat(ConversationModelChoice.choose(Map.of("DEVELOPMENT_MODE", "false"))).isEqualTo("realtime");
    }

    @Test
    void conversationModelWinsAndMustBeKnown() {
        assertThat(ConversationModelChoice.choose(Map.of("OPENAI_API_KEY", "sk-test", "CONVERSATION_MODEL", "Simulated")))
                .isEqualTo("simulated");
        assertThat(ConversationModelChoice.choose(Map.of("CONVERSATION_MODEL", "realtime"))).isEqualTo("realtime");
        assertThatThrownBy(() -> ConversationModelChoice.choose(Map.of("CONVERSATION_MODEL", "gpt")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("realtime or simulated");
    }
}
