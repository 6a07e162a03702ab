package dev.parley.adapter.in.twilio;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import jakarta.inject.Singleton;

/**
 * Serves Twilio's media streams on the HTTP port with plain Netty handlers instead of a Micronaut
 * {@code @ServerWebSocket}, whose per-message dispatch costs more than a call's frame budget. Every
 * HTTP/1 connection gets a {@link MediaStreamUpgrade} right after its server codec; it takes over
 * the connections that upgrade on {@code /media-stream} and leaves everything else (REST, the
 * console's WebSocket) to Micronaut. An {@link OversizeRequestHead} goes before it, so a request head
 * too large for the codec is answered 431/414 in the error shape. HTTP/2 connections are left alone: Twilio streams over HTTP/1.1.
 */
@Singleton
final class MediaStreamPipeline implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private static final NettyServerCustomizer NOTHING = new NettyServerCustomizer() {
    };
    private final BeanProvider<TwilioMediaStreams> provider;
    /** Resolved at the first upgrade, so the use case and its database are not built with the server. */
    private volatile TwilioMediaStreams streams;

    MediaStreamPipeline(BeanProvider<TwilioMediaStreams> provider) {
        this.provider = provider;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        NettyServerCustomizer.Registry registry = event.getBean();
        registry.register(new NettyServerCustomizer() {
            @Override
            public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                return role == ChannelRole.CONNECTION ? new ConnectionCustomizer(channel) : this;
            }
        });
        return registry;
    }

    private TwilioMediaStream stream(Channel channel, io.netty.handler.codec.http.HttpRequest upgrade) {
        TwilioMediaStreams s = streams;
        if (s == null) streams = s = provider.get();
        return s.open(channel, upgrade);
    }

    /** One connection: once its HTTP/1 pipeline is built, the upgrade handler goes right after the codec. */
    private final class ConnectionCustomizer implements NettyServerCustomizer {
        private final Channel channel;

        ConnectionCustomizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel child, ChannelRole role) {
            return NOTHING; // HTTP/2 and HTTP/3 streams: no media stream there
        }

        @Override
        public void onStreamPipelineBuilt() {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(MediaStreamUpgrade.NAME) != null) return;
            ChannelHandlerContext codec = pipeline.context(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC);
            if (codec == null) {
                // HTTP/1 after an h2c attempt: the codec carries no name there
                codec = pipeline.context(HttpServerCodec.class);
            }
            if (codec == null) return;
            pipeline.addAfter(codec.name(), MediaStreamUpgrade.NAME, new MediaStreamUpgrade(MediaStreamPipeline.this::stream));
            pipeline.addAfter(codec.name(), OversizeRequestHead.NAME, new OversizeRequestHead());
        }
    }
}
