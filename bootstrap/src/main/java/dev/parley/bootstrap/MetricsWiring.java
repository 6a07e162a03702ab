package dev.parley.bootstrap;

import dev.parley.adapter.in.twilio.MediaStreamStats;
import dev.parley.adapter.in.web.console.ConsoleStats;
import dev.parley.application.call.service.BatchingCallJournal;
import dev.parley.application.conversation.port.out.ConversationMetrics;
import dev.parley.application.conversation.service.LiveCalls;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The figures an on-call engineer watches, on {@code /prometheus}: live calls, calls started and ended, media
 * frames (and those dropped), the assistant's turn latency (the ledger's measure), model and carrier errors, the call journal,
 * open console sockets; webhook handling time is Micronaut's {@code http_server_requests_seconds} by route.
 * Labels never carry a tenant or a phone number. Counters the application keeps are read at scrape time
 * (function counters), so the frame path only bumps a {@code LongAdder}.
 */
@Factory
class MetricsWiring {
    @Singleton
    ConversationMetrics conversationMetrics(Provider<MeterRegistry> registry) {
        // the registry binds liveCallMeters, which need the live calls, which need these metrics: resolve it on first use
        return new MicrometerConversationMetrics(registry);
    }

    @Singleton
    MeterBinder liveCallMeters(Provider<LiveCalls> calls, Provider<BatchingCallJournal> journal) {
        return new LiveCallMeters(calls, journal);
    }

    /** Sockets: assistant audio dropped on the way to Twilio, and the live consoles open now. */
    @Singleton
    MeterBinder socketMeters(MediaStreamStats streams, ConsoleStats consoles) {
        return registry -> {
            FunctionCounter.builder("parley.media.frames.dropped", streams, MediaStreamStats::droppedOutFrames).tag("direction", "out")
                    .description("Assistant audio frames dropped because the carrier's socket was over its write buffer").register(registry);
            Gauge.builder("parley.console.sockets", consoles, ConsoleStats::openSockets)
                    .description("Live-console WebSocket connections open on this instance").register(registry);
        };
    }

    /**
     * Read at scrape time through providers: the registry is built before the live calls and the journal exist (they
     * need it, through the conversation metrics and the datasource). The binder bean is the meters' (strongly held) state.
     */
    static final class LiveCallMeters implements MeterBinder {
        private final Provider<LiveCalls> calls;
        private final Provider<BatchingCallJournal> journal;

        LiveCallMeters(Provider<LiveCalls> calls, Provider<BatchingCallJournal> journal) {
            this.calls = calls;
            this.journal = journal;
        }

        LiveCalls calls() {
            return calls.get();
        }

        BatchingCallJournal journal() {
            return journal.get();
        }

        @Override
        public void bindTo(MeterRegistry registry) {
            LiveCallMeters m = this;
            Gauge.builder("parley.calls.active", m, x -> x.calls().stats().active())
                    .description("Calls whose media stream is bridged on this instance").register(registry);
            FunctionCounter.builder("parley.media.frames", m, x -> x.calls().framesIn()).tag("direction", "in")
                    .description("Caller audio frames forwarded to the model").register(registry);
            FunctionCounter.builder("parley.media.frames", m, x -> x.calls().framesOut()).tag("direction", "out")
                    .description("Assistant audio frames sent to the carrier").register(registry);
            FunctionCounter.builder("parley.calls.barge.ins", m, x -> x.calls().bargeIns())
                    .description("Times a caller spoke over the assistant and its audio was cut").register(registry);
            FunctionCounter.builder("parley.model.errors", m, x -> x.calls().stats().malformedModelEvents()).tag("kind", "malformed_event")
                    .description("Conversation model events and failures").register(registry);
            FunctionCounter.builder("parley.model.errors", m, x -> x.calls().stats().modelFailures()).tag("kind", "failure")
                    .description("Conversation model events and failures").register(registry);
            FunctionCounter.builder("parley.carrier.errors", m, x -> x.calls().stats().malformedCarrierFrames()).tag("kind", "malformed_frame")
                    .description("Carrier media frames that could not be read").register(registry);
            Gauge.builder("parley.journal.queue.depth", m, x -> x.journal().queued())
                    .description("Call journal entries waiting to be written").register(registry);
            FunctionCounter.builder("parley.journal.entries", m, x -> x.journal().written()).tag("outcome", "written")
                    .description("Call journal entries by outcome").register(registry);
            FunctionCounter.builder("parley.journal.entries", m, x -> x.journal().dropped()).tag("outcome", "dropped")
                    .description("Call journal entries by outcome").register(registry);
            FunctionCounter.builder("parley.journal.entries", m, x -> x.journal().failed()).tag("outcome", "failed")
                    .description("Call journal entries by outcome").register(registry);
        }
    }

    /** Calls started and ended, and the turn latency histogram; meters are created once per label value and kept. */
    static final class MicrometerConversationMetrics implements ConversationMetrics {
        private final Provider<MeterRegistry> registries;
        private volatile MeterRegistry registry;
        private volatile Timer turnLatency;
        private final Map<String, Counter> started = new ConcurrentHashMap<>();
        private final Map<String, Counter> ended = new ConcurrentHashMap<>();

        MicrometerConversationMetrics(Provider<MeterRegistry> registries) {
            this.registries = registries;
        }

        private MeterRegistry registry() {
            MeterRegistry r = registry;
            if (r == null) registry = r = registries.get();
            return r;
        }

        private Timer turnLatency() {
            Timer t = turnLatency;
            if (t == null) turnLatency = t = Timer.builder("parley.call.turn.latency")
                    .description("Caller's end of speech to the first assistant audio frame sent to the carrier")
                    .serviceLevelObjectives(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(750), Duration.ofSeconds(1),
                            Duration.ofMillis(1500), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5))
                    .minimumExpectedValue(Duration.ofMillis(50)).maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry());
            return t;
        }

        @Override
        public void callStarted(String direction) {
            started.computeIfAbsent(direction, d -> Counter.builder("parley.calls.started").tag("direction", d)
                    .description("Media streams bridged, by call direction").register(registry())).increment();
        }

        @Override
        public void callEnded(String reason) {
            ended.computeIfAbsent(reason, r -> Counter.builder("parley.calls.ended").tag("reason", r)
                    .description("Bridged calls ended, by reason (normal, or the recorded end reason)").register(registry())).increment();
        }

        @Override
        public void turnAnswered(long latencyMs) {
            turnLatency().record(latencyMs, TimeUnit.MILLISECONDS);
        }
    }
}
