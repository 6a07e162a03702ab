package dev.parley.bootstrap.load;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The Netty transport of the load generator's callers and echo model: epoll when its classes are on
 * the class path and the kernel supports it, NIO otherwise, io_uring on request (native transports
 * are looked up reflectively: the application's test class path does not carry them).
 */
record NettyTransport(String name, IoHandlerFactory ioHandlerFactory, Class<? extends SocketChannel> socketChannel,
                      Class<? extends ServerSocketChannel> serverChannel) {

    /** {@code wanted}: auto (epoll, else NIO), io_uring, epoll or nio. */
    static NettyTransport select(String wanted) {
        if ("io_uring".equals(wanted)) {
            NettyTransport t = reflective("io_uring", "io.netty.channel.uring.IoUring", "io.netty.channel.uring.IoUringIoHandler",
                    "io.netty.channel.uring.IoUringSocketChannel", "io.netty.channel.uring.IoUringServerSocketChannel");
            if (t == null) throw new IllegalStateException("io_uring transport requested but not available");
            return t;
        }
        if (!"nio".equals(wanted)) {
            NettyTransport t = reflective("epoll", "io.netty.channel.epoll.Epoll", "io.netty.channel.epoll.EpollIoHandler",
                    "io.netty.channel.epoll.EpollSocketChannel", "io.netty.channel.epoll.EpollServerSocketChannel");
            if (t != null) return t;
            if ("epoll".equals(wanted)) throw new IllegalStateException("epoll transport requested but not available");
        }
        return new NettyTransport("nio", NioIoHandler.newFactory(), NioSocketChannel.class, NioServerSocketChannel.class);
    }

    @SuppressWarnings("unchecked")
    private static NettyTransport reflective(String name, String availability, String handler, String socket, String server) {
        try {
            if (!(boolean) Class.forName(availability).getMethod("isAvailable").invoke(null)) return null;
            return new NettyTransport(name, (IoHandlerFactory) Class.forName(handler).getMethod("newFactory").invoke(null),
                    (Class<? extends SocketChannel>) Class.forName(socket), (Class<? extends ServerSocketChannel>) Class.forName(server));
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;                                         // not on the class path
        }
    }

    EventLoopGroup group(int threads, String name) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), ioHandlerFactory);
    }
}
