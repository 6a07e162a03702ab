package dev.parley.adapter.out.openai;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.IoEventLoop;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollSocketChannel;

/**
 * Epoll socket channels for event loops that run Netty's native epoll transport. The epoll classes
 * are an optional dependency: only {@link Holder} names them, so where they are missing its first
 * use fails with a linkage error, caught once, and no loop is taken for an epoll loop. No reflection.
 */
final class EpollSockets {
    private static volatile boolean absent;

    private EpollSockets() {
    }

    /** A factory of epoll socket channels when {@code loop} runs epoll; null otherwise. */
    static ChannelFactory<? extends Channel> forLoop(IoEventLoop loop) {
        if (absent) return null;
        try {
            return Holder.forLoop(loop);
        } catch (LinkageError e) {
            absent = true;
            return null;
        }
    }

    private static final class Holder {
        private static final ChannelFactory<EpollSocketChannel> EPOLL = EpollSocketChannel::new;

        static ChannelFactory<? extends Channel> forLoop(IoEventLoop loop) {
            return loop.isCompatible(EpollIoHandle.class) ? EPOLL : null;
        }
    }
}
