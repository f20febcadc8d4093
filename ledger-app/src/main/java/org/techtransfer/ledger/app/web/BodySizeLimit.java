package org.techtransfer.ledger.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Refuses request bodies over 1 MiB (docs/api.md: a 400), whether they announce their length or not:
 * no command of the ledger comes near it, and nothing larger is read into memory. A body in UTF-8
 * (JSON's, unless another charset is named) must also be well-formed ({@link WellFormedUtf8}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BodySizeLimit extends OncePerRequestFilter {

    public static final long MAX_BODY_BYTES = 1024 * 1024;
    /**
     * Tomcat closes the connection after a 400; a client still sending its body then gets a reset instead
     * of the answer. A body announced up to this size is read and dropped first (never kept in memory).
     */
    private static final long MAX_DRAINED_BYTES = 16 * 1024 * 1024;

    private final ObjectMapper json;

    BodySizeLimit(ObjectMapper json) {
        this.json = json;
    }

    /** Thrown while reading a body that turns out to be larger than announced, or unannounced and too large. */
    public static class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("the request body is over " + MAX_BODY_BYTES + " bytes");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long announced = request.getContentLengthLong();
        if (announced > MAX_BODY_BYTES) {
            if (announced <= MAX_DRAINED_BYTES) {
                request.getInputStream().transferTo(OutputStream.nullOutputStream());
            }
            Problems.write(response, json, HttpStatus.BAD_REQUEST, "the request body is over 1 MiB");
            return;
        }
        chain.doFilter(new Limited(request), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private ServletInputStream stream;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                String charset = getCharacterEncoding();
                boolean utf8 = charset == null || charset.equalsIgnoreCase("UTF-8") || charset.equalsIgnoreCase("UTF8");
                stream = new Counting(super.getInputStream(), utf8 ? new WellFormedUtf8() : null);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final WellFormedUtf8 utf8;
        private long read;

        Counting(ServletInputStream in, WellFormedUtf8 utf8) {
            this.in = in;
            this.utf8 = utf8;
        }

        private int count(int n) throws BodyTooLarge {
            if (n > 0 && (read += n) > MAX_BODY_BYTES) {
                throw new BodyTooLarge();
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            check(b);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = count(in.read(buffer, offset, length));
            if (n < 0) {
                check(-1);
            }
            for (int i = 0; i < n; i++) {
                check(buffer[offset + i] & 0xFF);
            }
            return n;
        }

        private void check(int b) throws WellFormedUtf8.Malformed {
            if (utf8 != null) {
                if (b < 0) {
                    utf8.end();
                } else {
                    utf8.check(b);
                }
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
