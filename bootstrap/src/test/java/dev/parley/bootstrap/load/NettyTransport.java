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
 * the class path and the kernel supports it (looked up reflectively: the application's test class
 * path does not carry them), NIO otherwise.
 */
record NettyTransport(String name, IoHandlerFactory ioHandlerFactory, Class<? extends SocketChannel> socketChannel,
                      Class<? extends ServerSocketChannel> serverChannel) {

    /** {@code wanted}: auto, epoll or nio. */
    @SuppressWarnings("unchecked")
    static NettyTransport select(String wanted) {
        if (!"nio".equals(wanted)) {
            try {
                if ((boolean) Class.forName("io.netty.channel.epoll.Epoll").getMethod("isAvailable").invoke(null)) {
                    return new NettyTransport("epoll",
                            (IoHandlerFactory) Class.forName("io.netty.channel.epoll.EpollIoHandler").getMethod("newFactory").invoke(null),
                            (Class<? extends SocketChannel>) Class.forName("io.netty.channel.epoll.EpollSocketChannel"),
                            (Class<? extends ServerSocketChannel>) Class.forName("io.netty.channel.epoll.EpollServerSocketChannel"));
                }
            } catch (ReflectiveOperationException | LinkageError e) {
                // not on the class path
            }
            if ("epoll".equals(wanted)) throw new IllegalStateException("epoll transport requested but not available");
        }
        return new NettyTransport("nio", NioIoHandler.newFactory(), NioSocketChannel.class, NioServerSocketChannel.class);
    }

    EventLoopGroup group(int threads, String name) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), ioHandlerFactory);
    }
}
