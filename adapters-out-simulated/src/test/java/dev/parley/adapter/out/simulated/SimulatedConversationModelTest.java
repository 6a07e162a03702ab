package dev.parley.adapter.out.simulated;

import dev.parley.application.conversation.port.out.ConversationBrief;
import dev.parley.application.conversation.port.out.ConversationSession;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapter at the port: base64 frames in, events out on the call's own executor, nothing after close. */
class SimulatedConversationModelTest {
    static final ConversationBrief BRIEF = new ConversationBrief("You are a test.", "alloy", 0.8,
            List.of(new ConversationBrief.Tool("end_call", "End the call", "{\"type\":\"object\"}")));

    @Test
    void eventsArriveOnTheCallsExecutorInOrder() throws Exception {
        ExecutorService loop = Executors.newSingleThreadExecutor(r -> new Thread(r, "carrier-loop"));
        try (var model = new SimulatedConversationModel(SimulatedModelProperties.defaults())) {
            RecordingListener listener = new RecordingListener();
            List<String> threads = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            Executor watched = task -> loop.execute(() -> {
                threads.add(Thread.currentThread().getName());
                task.run();
            });
            ConversationSession session = model.open(BRIEF, listener, watched);
            session.respond();
            String silence = Base64.getEncoder().encodeToString(SimulatedDialogueTest.silence(Duration.ofMillis(20)));
            for (int i = 0; i < 50; i++) session.appendAudio(silence);
            session.appendAudio("not base64 !");
            loop.submit(() -> { }).get(10, TimeUnit.SECONDS);

            assertThat(threads).isNotEmpty().allMatch("carrier-loop"::equals);
            assertThat(listener.events).startsWith("audio sim_item_1", "assistant sim_item_1: " + SpeechClips.GREETING);
            assertThat(listener.events).contains("malformed");
            // the lead plus one frame per caller frame: 800 + 50 × 160 bytes
            assertThat(listener.audio.get("sim_item_1").size()).isEqualTo(800 + 50 * 160);

            session.close();
            int before = listener.events.size();
            session.appendAudio(silence);
            session.respond();
            loop.submit(() -> { }).get(10, TimeUnit.SECONDS);
            assertThat(listener.events).hasSize(before);
        } finally {
            loop.shutdownNow();
        }
    }

    @Test
    void withoutACarrierLoopItRunsOnItsOwnThread() throws Exception {
        try (var model = new SimulatedConversationModel(SimulatedModelProperties.defaults())) {
            RecordingListener listener = new RecordingListener();
            ConversationSession session = model.open(BRIEF, listener, null);
            session.respond();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (listener.matching("assistant ").isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
            assertThat(listener.matching("assistant ")).containsExactly("assistant sim_item_1: " + SpeechClips.GREETING);
        }
    }
}
