package org.techtransfer.ledger.app.bench;

import org.techtransfer.ledger.app.support.TestUsers;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP/1.1 client with its own keep-alive connection, as one outside client of the API would be: a plain
 * socket, the request written as bytes, the answer's body read into a reused buffer. The clients run in the
 * service's JVM and on its two cores, so what they cost is taken from the service: {@code java.net.http}, used
 * until session 9, took 0.6 ms of CPU per command (a selector thread and a worker thread per answer), two thirds
 * of what Tomcat's thread took; this client takes a few hundredths. One thread at a time.
 */
final class Http {

    private static final int TIMEOUT_MILLIS = 60_000;
    /** Connections opened by every client: Tomcat closes a connection after 100 requests (a query's tail shows it). */
    private static final AtomicLong OPENED = new AtomicLong();

    private final int port;
    private final byte[] buffer = new byte[64 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Http(int port) {
        this.port = port;
    }

    static long connectionsOpened() {
        return OPENED.get();
    }

    /** An answer: its status, the headers the benchmark reads, its body's length, and the body when kept. */
    record Response(int status, String location, String setCookie, long length, String body) {
    }

    /** The server closed a kept-alive connection before answering anything: it had not taken the request. */
    private static final class ClosedWhileIdle extends EOFException {
        ClosedWhileIdle() {
            super("the server closed the connection");
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * GETs {@code path}, expecting a 200, and answers the length of the body, which is read into a reused
     * buffer and dropped. The benchmark's clients share the service's heap: a copy of every 224 KB answer
     * as a String would be collected as if the service had made it.
     */
    long getLength(String user, String path) throws IOException {
        return length(exchange("GET", path, "Authorization: " + basic(user) + "\r\n", null, false));
    }

    /** A console page, as the signed-in person whose session cookie is {@code session}. */
    long getPage(String session, String path) throws IOException {
        return length(exchange("GET", path, "Cookie: " + session + "\r\nAccept-Language: zh-CN\r\n", null, false));
    }

    /** Signs in on the console's page, as a person does, and answers the session's cookie. */
    String signIn(String user) throws IOException {
        Response form = exchange("GET", "/signin", "", null, true);
        String cookie = form.setCookie().split(";", 2)[0];
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        Response signedIn = exchange("POST", "/signin", "Cookie: " + cookie
                        + "\r\nContent-Type: application/x-www-form-urlencoded\r\n",
                ("username=" + user + "&password=" + TestUsers.PASSWORD + "&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8), true);
        if (signedIn.status() != 302 || signedIn.location() == null || signedIn.location().contains("error")) {
            throw new IllegalStateException("sign-in of " + user + " failed: HTTP " + signedIn.status());
        }
        // the session id changes at sign-in (session fixation protection)
        return signedIn.setCookie() == null ? cookie : signedIn.setCookie().split(";", 2)[0];
    }

    Response post(String user, String path, String json) throws IOException {
        return exchange("POST", path, "Authorization: " + basic(user) + "\r\nContent-Type: application/json\r\n",
                json.getBytes(StandardCharsets.UTF_8), true);
    }

    /** The body of a 2xx answer; anything else fails the operation with its status and body. */
    static String expect(Response response, int status) {
        if (response.status() != status) {
            String body = response.body() == null ? "" : response.body();
            throw new IllegalStateException("HTTP " + response.status() + " "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
        }
        return response.body();
    }

    private static long length(Response response) {
        if (response.status() != 200) {
            throw new IllegalStateException("HTTP " + response.status());
        }
        return response.length();
    }

    /**
     * Sends one request and reads its answer; the body is kept as text when {@code keep}, otherwise only counted
     * (its length is then the answer's body). On a kept-alive connection that the server closed (an end before the
     * answer's first byte, or a socket error) the request is sent once more on a new one; a command sent again
     * carries the same id, which the ledger answers from its command log.
     */
    private Response exchange(String method, String path, String headers, byte[] body, boolean keep) throws IOException {
        byte[] head = (method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n" + headers
                + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        boolean reused = socket != null;
        try {
            return send(head, body, keep);
        } catch (ClosedWhileIdle | SocketException closed) {
            close();
            if (!reused) {
                throw closed;
            }
            return send(head, body, keep);
        }
    }

    private Response send(byte[] head, byte[] body, boolean keep) throws IOException {
        if (socket == null) {
            OPENED.incrementAndGet();
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress("localhost", port), TIMEOUT_MILLIS);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }
        out.write(head);
        if (body != null) {
            out.write(body);
        }
        out.flush();
        String statusLine = line(true);
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean closes = false;
        String location = null;
        String setCookie = null;
        for (String header = line(false); !header.isEmpty(); header = line(false)) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> closes = value.equalsIgnoreCase("close");
                case "location" -> location = value;
                case "set-cookie" -> setCookie = setCookie == null ? value : setCookie;
                default -> { }
            }
        }
        ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
        long length = 0;
        if (chunked) {
            for (long size = Long.parseLong(line(false).split(";", 2)[0].trim(), 16); size > 0;
                 size = Long.parseLong(line(false).split(";", 2)[0].trim(), 16)) {
                length += read(size, kept);
                line(false);
            }
            for (String trailer = line(false); !trailer.isEmpty(); trailer = line(false)) {
                // trailers are not used by the ledger
            }
        } else if (contentLength >= 0) {
            length = read(contentLength, kept);
        } else if (closes) {
            length = read(Long.MAX_VALUE, kept);
        }
        if (closes) {
            close();
        }
        return new Response(status, location, setCookie, length, keep ? kept.toString(StandardCharsets.UTF_8) : null);
    }

    /** Reads {@code size} bytes of the body (or up to the end of the stream), kept or dropped; answers how many. */
    private long read(long size, ByteArrayOutputStream kept) throws IOException {
        long read = 0;
        while (read < size) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, size - read));
            if (n < 0) {
                if (size == Long.MAX_VALUE) {
                    return read;
                }
                throw new EOFException("the answer ended after " + read + " of " + size + " bytes");
            }
            if (kept != null) {
                kept.write(buffer, 0, n);
            }
            read += n;
        }
        return read;
    }

    /** One line of the answer's head, without its CRLF; at the first byte of an answer an end is an idle close. */
    private String line(boolean first) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                if (first && line.length() == 0) {
                    throw new ClosedWhileIdle();
                }
                throw new EOFException("the answer ended in its head");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
