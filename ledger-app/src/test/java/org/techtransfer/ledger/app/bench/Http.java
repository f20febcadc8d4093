package org.techtransfer.ledger.app.bench;

import org.techtransfer.ledger.app.support.TestUsers;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** One HTTP/1.1 client with its own keep-alive connection, as one outside client of the API would be. */
final class Http {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final byte[] buffer = new byte[64 * 1024];

    Http(int port) {
        this.base = "http://localhost:" + port;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * GETs {@code path}, expecting a 200, and answers the length of the body, which is read into a reused
     * buffer and dropped. The benchmark's clients share the service's heap: a copy of every 224 KB answer
     * as a String would be collected as if the service had made it. One thread at a time.
     */
    long getLength(String user, String path) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic(user)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " "
                        + new String(body.readNBytes(300), StandardCharsets.UTF_8));
            }
            long length = 0;
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                length += n;
            }
            return length;
        }
    }

    HttpResponse<String> post(String user, String path, String json) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(user))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The body of a 2xx answer; anything else fails the operation with its status and body. */
    static String expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            String body = response.body();
            throw new IllegalStateException("HTTP " + response.statusCode() + " "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
        }
        return response.body();
    }
}
