package dev.parley.bootstrap.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Byte-level helpers shared by the load test's fake callers and echo model: RFC 6455 frames written
 * straight into pooled buffers, JSON field scans over byte arrays (flat JSON of our own peers: no
 * escapes), ASCII decimals and the few base64 characters that vary from frame to frame.
 */
final class WsBytes {
    static final int TEXT = 0x1;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;
    /** Largest message either side accepts (session.update with long instructions fits easily). */
    static final int MAX_MESSAGE = 1 << 20;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final byte[] B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(StandardCharsets.US_ASCII);
    private static final int[] UNB64 = new int[128];

    static {
        Arrays.fill(UNB64, -1);
        for (int i = 0; i < B64.length; i++) UNB64[B64[i]] = i;
    }

    private WsBytes() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** A frame from {@code payload[0, len)}; masked (client to server) with a random key, or not. */
    static ByteBuf frame(ByteBufAllocator alloc, int opcode, byte[] payload, int len, boolean mask) {
        int header = (len < 126 ? 2 : len < 65_536 ? 4 : 10) + (mask ? 4 : 0);
        ByteBuf buf = alloc.ioBuffer(header + len);
        buf.writeByte(0x80 | opcode);
        int maskBit = mask ? 0x80 : 0;
        if (len < 126) buf.writeByte(maskBit | len);
        else if (len < 65_536) buf.writeByte(maskBit | 126).writeShort(len);
        else buf.writeByte(maskBit | 127).writeLong(len);
        if (mask) {
            int key = java.util.concurrent.ThreadLocalRandom.current().nextInt();
            buf.writeInt(key);
            xor(payload, 0, len, key);
        }
        return buf.writeBytes(payload, 0, len);
    }

    /** Applies (or removes) a WebSocket mask to {@code b[off, off + len)}, key byte 0 at {@code off}. */
    static void xor(byte[] b, int off, int len, int key) {
        long k = ((long) key << 32) | (key & 0xFFFF_FFFFL);
        int i = 0;
        for (; i + 8 <= len; i += 8) LONGS.set(b, off + i, (long) LONGS.get(b, off + i) ^ k);
        for (; i < len; i++) b[off + i] ^= (byte) (key >>> (24 - 8 * (i & 3)));
    }

    /** Index just after the opening quote of the string value of {@code key} (e.g. {@code "event":}), or -1. */
    static int valueAfter(byte[] b, int from, int to, byte[] key) {
        int n = key.length;
        byte first = key[0];
        outer:
        for (int i = from; i <= to - n; i++) {
            if (b[i] != first) continue;
            for (int j = 1; j < n; j++) if (b[i + j] != key[j]) continue outer;
            int k = i + n;
            while (k < to && b[k] == ' ') k++;
            return k < to && b[k] == '"' ? k + 1 : -1;
        }
        return -1;
    }

    static boolean startsWith(byte[] b, int at, int to, byte[] prefix) {
        if (at < 0 || to - at < prefix.length) return false;
        for (int j = 0; j < prefix.length; j++) if (b[at + j] != prefix[j]) return false;
        return true;
    }

    static boolean contains(byte[] b, int from, int to, byte[] needle) {
        for (int i = from; i <= to - needle.length; i++) if (startsWith(b, i, to, needle)) return true;
        return false;
    }

    static int indexOf(byte[] b, int from, int to, byte value) {
        for (int i = from; i < to; i++) if (b[i] == value) return i;
        return -1;
    }

    static int put(byte[] b, int at, byte[] src) {
        System.arraycopy(src, 0, b, at, src.length);
        return at + src.length;
    }

    /** Writes a non-negative decimal; returns the position after it. */
    static int putDecimal(byte[] b, int at, long v) {
        int digits = 1;
        for (long x = v; x >= 10; x /= 10) digits++;
        int end = at + digits;
        for (int i = end - 1; i >= at; i--, v /= 10) b[i] = (byte) ('0' + v % 10);
        return end;
    }

    /** The 12 base64 characters of the frame's first 9 audio bytes: the sequence number (8 bytes) and one 0xFF. */
    static int putSequenceBase64(byte[] b, int at, long seq) {
        int p = at;
        for (int g = 0; g < 3; g++) {
            int n = (byteOf(seq, 3 * g) << 16) | (byteOf(seq, 3 * g + 1) << 8) | byteOf(seq, 3 * g + 2);
            b[p++] = B64[(n >>> 18) & 63];
            b[p++] = B64[(n >>> 12) & 63];
            b[p++] = B64[(n >>> 6) & 63];
            b[p++] = B64[n & 63];
        }
        return p;
    }

    private static int byteOf(long seq, int i) {
        return i < 8 ? (int) (seq >>> (56 - 8 * i)) & 0xFF : 0xFF;
    }

    /** The sequence number in the first 12 base64 characters at {@code b[at]}, or -1 if they are not base64. */
    static long sequenceOf(byte[] b, int at) {
        long bits = 0; // 72 bits = 9 bytes; we keep the first 64
        long seq = 0;
        for (int i = 0; i < 12; i++) {
            int c = b[at + i];
            int v = c >= 0 && c < 128 ? UNB64[c] : -1;
            if (v < 0) return -1;
            bits = (bits << 6) | v;
            if (i == 7) { // 48 bits = 6 bytes
                seq = bits;
                bits = 0;
            }
        }
        // 24 remaining bits = bytes 6, 7 and the 0xFF filler
        return (seq << 16) | (bits >>> 8);
    }

    /** The base64 of a whole frame's audio after its first 9 bytes (all 0xFF, μ-law silence), and the JSON close. */
    static byte[] constantAudioTail(int frameBytes, String close) {
        byte[] audio = new byte[frameBytes];
        Arrays.fill(audio, (byte) 0xFF);
        String all = Base64.getEncoder().encodeToString(audio);
        return ascii(all.substring(12) + close);
    }

    static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Index of the blank line ending an HTTP head in {@code in} (readable part), or -1. */
    static int endOfHead(ByteBuf in) {
        int start = in.readerIndex();
        int end = in.writerIndex();
        for (int i = start; i + 3 < end; i++) {
            if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n' && in.getByte(i + 2) == '\r' && in.getByte(i + 3) == '\n') return i;
        }
        return -1;
    }

    /** What a {@link FrameReader} finds: whole text messages and control frames. */
    interface FrameSink {
        /** A complete text message, {@code message[0, length)} (the array is reused for the next one). */
        void text(ChannelHandlerContext ctx, byte[] message, int length);

        /** A control frame (ping, pong, close), unmasked; false stops reading (the connection is closing). */
        boolean control(ChannelHandlerContext ctx, int opcode, byte[] payload);
    }

    /**
     * Reads RFC 6455 frames off a connection's buffer, unmasking them and reassembling fragmented text
     * messages; the one frame decoder of the fake callers and the echo model. A frame is consumed only
     * once it is complete. An oversized message closes the connection.
     */
    static final class FrameReader {
        private byte[] message = new byte[1024];
        private int messageLength;
        private boolean inMessage;

        void read(ChannelHandlerContext ctx, ByteBuf in, FrameSink sink) {
            while (in.readableBytes() >= 2) {
                int r = in.readerIndex();
                int b0 = in.getUnsignedByte(r);
                int b1 = in.getUnsignedByte(r + 1);
                int head = 2;
                long len = b1 & 0x7F;
                if (len == 126) {
                    if (in.readableBytes() < 4) return;
                    len = in.getUnsignedShort(r + 2);
                    head = 4;
                } else if (len == 127) {
                    if (in.readableBytes() < 10) return;
                    len = in.getLong(r + 2);
                    head = 10;
                }
                int key = 0;
                boolean masked = (b1 & 0x80) != 0;
                if (masked) {
                    if (in.readableBytes() < head + 4) return;
                    key = in.getInt(r + head);
                    head += 4;
                }
                if (len < 0 || len > MAX_MESSAGE) {
                    ctx.close();
                    return;
                }
                int n = (int) len;
                if (in.readableBytes() < head + n) return;
                int opcode = b0 & 0x0F;
                boolean fin = (b0 & 0x80) != 0;
                if (opcode >= 0x8) {
                    byte[] control = new byte[n];
                    in.getBytes(r + head, control);
                    if (masked) xor(control, 0, n, key);
                    in.skipBytes(head + n);
                    if (!sink.control(ctx, opcode, control)) return;
                    continue;
                }
                if (opcode == TEXT || (opcode == 0 && inMessage)) {
                    if (opcode != 0) messageLength = 0;
                    if (messageLength + n > MAX_MESSAGE) {
                        ctx.close();
                        return;
                    }
                    if (messageLength + n > message.length) message = Arrays.copyOf(message, Math.max(message.length * 2, messageLength + n));
                    in.getBytes(r + head, message, messageLength, n);
                    if (masked) xor(message, messageLength, n, key);
                    messageLength += n;
                    inMessage = !fin;
                    if (fin) sink.text(ctx, message, messageLength);
                }
                in.skipBytes(head + n);
            }
        }
    }
}
