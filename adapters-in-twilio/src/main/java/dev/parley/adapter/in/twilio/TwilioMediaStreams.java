package dev.parley.adapter.in.twilio;

import dev.parley.application.conversation.port.in.OpenLiveCallUseCase;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.netty.channel.Channel;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.ExecutorService;

/**
 * What every media stream needs, once per application: the use case that redeems a stream's token
 * and opens its live call, the blocking executor that runs it, and the JSON reader of start frames.
 */
@Singleton
final class TwilioMediaStreams {
    private final OpenLiveCallUseCase openLiveCall;
    private final ExecutorService blocking;
    private final JsonMapper json;

    TwilioMediaStreams(OpenLiveCallUseCase openLiveCall, @Named(TaskExecutors.BLOCKING) ExecutorService blocking, JsonMapper json) {
        this.openLiveCall = openLiveCall;
        this.blocking = blocking;
        this.json = json;
    }

    /** The stream of a connection whose WebSocket handshake is under way. */
    TwilioMediaStream open(Channel channel) {
        return new TwilioMediaStream(channel, openLiveCall, blocking, json);
    }
}
