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
        return length(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(user)));
    }

    /** A console page, as the signed-in person whose session cookie is {@code session}. */
    long getPage(String session, String path) throws IOException, InterruptedException {
        return length(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", session)
                .header("Accept-Language", "zh-CN"));
    }

    /** Signs in on the console's page, as a person does, and answers the session's cookie. */
    String signIn(String user) throws IOException, InterruptedException {
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base + "/signin")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(form.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/signin"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + TestUsers.PASSWORD
                        + "&_csrf=" + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in of " + user + " failed: HTTP " + signedIn.statusCode());
        }
        // the session id changes at sign-in (session fixation protection)
        return signedIn.headers().firstValue("Set-Cookie").map(c -> c.split(";", 2)[0]).orElse(cookie);
    }

    private long length(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = client.send(request.timeout(Duration.ofSeconds(60)).GET().build(),
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
