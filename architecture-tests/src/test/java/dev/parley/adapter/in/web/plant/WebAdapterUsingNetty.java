package dev.parley.adapter.in.web.plant;

/** Planted violation: Netty outside the media-stream bridge adapters. */
public class WebAdapterUsingNetty {
    public io.netty.buffer.ByteBuf buffer;
}
