package org.techtransfer.ledger.app.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request's correlation id: the client's {@code X-Correlation-Id} when it is sane, a new one otherwise. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private CorrelationId() {
    }

    public static String of(HttpServletRequest request) {
        String given = request.getHeader(HEADER);
        return given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
