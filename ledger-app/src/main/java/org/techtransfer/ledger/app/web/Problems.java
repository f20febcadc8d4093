package org.techtransfer.ledger.app.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Problem details written by hand where no message converter is at work yet (servlet filters). */
final class Problems {

    private Problems() {
    }

    static void write(HttpServletResponse response, int status, String title, String detail, String field)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"" + (field == null ? "" : ",\"field\":\"" + field + "\"") + "}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
