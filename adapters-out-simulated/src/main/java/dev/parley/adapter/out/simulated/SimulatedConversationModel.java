package dev.parley.adapter.out.simulated;

import dev.parley.application.conversation.port.out.ConversationBrief;
import dev.parley.application.conversation.port.out.ConversationListener;
import dev.parley.application.conversation.port.out.ConversationModel;
import dev.parley.application.conversation.port.out.ConversationSession;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@link ConversationModel} that runs in the process, with no vendor and no key: a scripted assistant
 * (greeting, question, goodbye, then {@code end_call}) speaking recorded clips and hearing the caller by
 * energy. Chosen with {@code parley.conversation.model=simulated} (CONVERSATION_MODEL, or by default in
 * development mode when OPENAI_API_KEY is unset). A conversation runs on the call's carrier event loop
 * when it offers one, else on this adapter's one daemon thread.
 */
@Singleton
@Requires(property = SimulatedConversationModel.SELECTOR, value = "simulated")
class SimulatedConversationModel implements ConversationModel, AutoCloseable {
    static final String SELECTOR = "parley.conversation.model";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedConversationModel.class);

    private final SpeechClips clips;
    private final SimulatedModelProperties settings;
    private final ExecutorService own = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "simulated-assistant");
        t.setDaemon(true);
        return t;
    });

    @Inject
    SimulatedConversationModel(SimulatedModelProperties settings) {
        this(SpeechClips.recorded(), settings);
    }

    SimulatedConversationModel(SpeechClips clips, SimulatedModelProperties settings) {
        this.clips = clips;
        this.settings = settings;
        LOG.info("Conversations use the simulated assistant (recorded clips, no OpenAI)");
    }

    @Override
    public ConversationSession open(ConversationBrief brief, ConversationListener listener, Executor affinity) {
        boolean mayEndCall = brief.tools().stream().anyMatch(t -> SimulatedDialogue.END_CALL.equals(t.name()));
        SimulatedDialogue dialogue = new SimulatedDialogue(clips.script(), listener,
                new EnergyDetector(settings.speechThreshold(), settings.speechStartFrames(), settings.speechStopFrames()),
                mayEndCall, settings.noAnswer().toMillis());
        return new SimulatedSession(dialogue, listener, affinity != null ? affinity : own);
    }

    @Override
    @PreDestroy
    public void close() {
        own.shutdownNow();
    }
}
