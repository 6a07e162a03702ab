package dev.parley.adapter.in.twilio;

import dev.parley.application.conversation.port.in.OpenLiveCallUseCase;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;

/**
 * What every media stream needs, once per application: the use case that redeems a stream's token
 * and opens its live call, the blocking executor that runs it, the JSON reader of start frames, and
 * the admission of sockets that have not yet sent their start frame.
 */
@Singleton
final class TwilioMediaStreams {
    private final OpenLiveCallUseCase openLiveCall;
    private final ExecutorService blocking;
    private final JsonMapper json;
    private final MediaStreamAdmission admission;
    /** The proxy's client-address header when the operator names one (MICRONAUT_SERVER_CLIENT_ADDRESS_HEADER); else the socket's peer counts. */
    private final String clientAddressHeader;
    private final MediaStreamStats stats;

    TwilioMediaStreams(OpenLiveCallUseCase openLiveCall, @Named(TaskExecutors.BLOCKING) ExecutorService blocking, JsonMapper json,
                       MediaStreamAdmission admission, @Value("${micronaut.server.client-address-header:}") String clientAddressHeader,
                       MediaStreamStats stats) {
        this.stats = stats;
        this.openLiveCall = openLiveCall;
        this.blocking = blocking;
        this.json = json;
        this.admission = admission;
        this.clientAddressHeader = clientAddressHeader.strip();
    }

    /** The stream of a connection whose WebSocket handshake is under way, or null when too many sockets await their start frame. */
    TwilioMediaStream open(Channel channel, HttpRequest upgrade) {
        return admission.admit(clientAddress(channel, upgrade))
                .map(slot -> new TwilioMediaStream(channel, openLiveCall, blocking, json, slot::release, admission.startTimeout(), stats))
                .orElse(null);
    }

    private String clientAddress(Channel channel, HttpRequest upgrade) {
        if (!clientAddressHeader.isEmpty()) {
            String forwarded = upgrade.headers().get(clientAddressHeader);
            if (forwarded != null && !forwarded.isBlank()) return forwarded.split(",")[0].strip();
        }
        return channel.remoteAddress() instanceof InetSocketAddress peer && peer.getAddress() != null
                ? peer.getAddress().getHostAddress() : String.valueOf(channel.remoteAddress());
    }
}
