package dev.medi.platform.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client library will not send: a chosen source address
 * (another loopback address than 127.0.0.1), chunked bodies of any size, oversized headers and URIs,
 * malformed request lines. One request per connection ({@code Connection: close}).
 */
public final class RawHttp {

    /** The answer: status, headers (lower-case names), body as text. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final String host;
    private final int port;
    private final String sourceAddress;

    private RawHttp(String host, int port, String sourceAddress) {
        this.host = host;
        this.port = port;
        this.sourceAddress = sourceAddress;
    }

    public static RawHttp to(int port) {
        return new RawHttp("127.0.0.1", port, null);
    }

    /** Connects from {@code sourceAddress} (any 127.x.y.z works on Linux loopback). */
    public RawHttp from(String sourceAddress) {
        return new RawHttp(host, port, sourceAddress);
    }

    /** Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and {@code body}. */
    public Answer send(String head, byte[] body) throws IOException {
        return exchange(head + "\r\n\r\n", body == null ? new byte[0] : body, false);
    }

    /** Sends {@code body} with {@code Transfer-Encoding: chunked}, in 64 KiB chunks, until the server stops reading. */
    public Answer sendChunked(String head, byte[] body) throws IOException {
        return exchange(head + "\r\nTransfer-Encoding: chunked\r\n\r\n", body, true);
    }

    /** Sends the bytes exactly as given (for malformed requests). */
    public Answer sendRaw(String request) throws IOException {
        return exchange(request, new byte[0], false);
    }

    private Answer exchange(String head, byte[] body, boolean chunked) throws IOException {
        try (Socket socket = new Socket()) {
            if (sourceAddress != null) {
                socket.bind(new InetSocketAddress(sourceAddress, 0));
            }
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                if (chunked) {
                    for (int offset = 0; offset < body.length; offset += 65_536) {
                        int length = Math.min(65_536, body.length - offset);
                        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(body, offset, length);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } else {
                    out.write(body);
                }
                out.flush();
            } catch (IOException refusedMidway) {
                // the server answered and closed before taking the whole body: read what it said
            }
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                raw.write(buffer, 0, n);
                if (complete(raw.toByteArray())) {
                    break;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // answered, then reset: parse what arrived
        }
        String text = raw.toString(StandardCharsets.ISO_8859_1); // byte offsets; the body is decoded at the end
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no HTTP answer: " + text.length() + " bytes");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip(),
                    (a, b) -> a + ", " + b);
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    /** Whether a whole answer (head and a Content-Length or chunked body) has arrived. */
    private static boolean complete(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(Locale.ROOT);
        int length = head.indexOf("\r\ncontent-length:");
        if (length >= 0) {
            int lineEnd = head.indexOf("\r\n", length + 2);
            String value = head.substring(length + 17, lineEnd < 0 ? head.length() : lineEnd).strip();
            return bytes.length - end - 4 >= Integer.parseInt(value);
        }
        if (head.contains("\r\ntransfer-encoding: chunked")) {
            return text.endsWith("0\r\n\r\n");
        }
        return false; // until the server closes
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            if (lineEnd < 0) {
                return out.toString();
            }
            int size = Integer.parseInt(body.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, lineEnd + 2, Math.min(body.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
    }
}
