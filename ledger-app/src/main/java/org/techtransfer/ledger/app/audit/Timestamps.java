package org.techtransfer.ledger.app.audit;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;

/**
 * RFC 3161 time stamps of the checkpoints (docs/audit.md, "External anchoring"): a request to a time stamping
 * authority for SHA-256 of a checkpoint's whole signed note (UTF-8), with a nonce and asking for the authority's
 * certificate, and the check of its token, the same in the service and in the offline statement check. The
 * token's certificate is not checked against a trusted root here: which authority to trust is the auditor's
 * decision ({@code openssl ts -verify -CAfile ...}).
 */
public final class Timestamps {

    /** A token the authority granted and that holds: its DER bytes and the time it names. */
    public record Stamp(byte[] token, Instant stampedAt) {
    }

    /** What a valid token says. */
    public record Checked(Instant stampedAt, String authority) {
    }

    /** Why no token came: {@code reason} is the metric's label, the message says what happened. */
    public static final class Failure extends Exception {

        private final String reason;

        Failure(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        /** {@code unreachable}, {@code refused} or {@code invalid}. */
        public String reason() {
            return reason;
        }
    }

    private static final SecureRandom NONCES = new SecureRandom();

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param connectTimeout how long to wait for the connection
     * @param timeout        how long to wait for the whole answer
     */
    public Timestamps(URI url, Duration connectTimeout, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public URI url() {
        return url;
    }

    /** Asks the authority for a token over {@code note}; the answer is checked before it is returned. */
    public Stamp stamp(String note) throws Failure {
        byte[] imprint = sha256(note.getBytes(StandardCharsets.UTF_8));
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, imprint, new BigInteger(64, NONCES));
        byte[] answer;
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new Failure("refused", "HTTP status " + response.statusCode());
            }
            answer = response.body();
        } catch (HttpTimeoutException e) {
            throw new Failure("unreachable", "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new Failure("unreachable", e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("unreachable", "interrupted");
        }
        TimeStampResponse response;
        try {
            response = new TimeStampResponse(answer);
        } catch (TSPException | IOException | RuntimeException e) {
            throw new Failure("invalid", "the answer is no time stamp response: " + e.getMessage());
        }
        if (response.getStatus() != 0) { // PKIStatus granted; grantedWithMods is taken as not granted
            throw new Failure("refused", "status " + response.getStatus()
                    + (response.getStatusString() == null ? "" : " (" + response.getStatusString() + ")")
                    + (response.getFailInfo() == null ? "" : ", failure info " + response.getFailInfo().intValue()));
        }
        try {
            // the imprint, the nonce and a certificate asked for
            response.validate(request);
        } catch (TSPException e) {
            throw new Failure("invalid", "the token does not answer the request: " + e.getMessage());
        }
        byte[] token;
        try {
            token = response.getTimeStampToken().getEncoded();
        } catch (IOException e) {
            throw new Failure("invalid", "the token cannot be encoded: " + e.getMessage());
        }
        try {
            return new Stamp(token, check(token, note).stampedAt());
        } catch (Invalid e) {
            throw new Failure("invalid", e.getMessage());
        }
    }

    /** A token that does not hold, and why. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /**
     * Checks a token (DER) over {@code note}: its imprint is SHA-256 of the note, and its signature verifies with the
     * certificate it carries, a time stamping certificate valid at the time it names.
     */
    public static Checked check(byte[] der, String note) throws Invalid {
        TimeStampToken token;
        try {
            token = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(der));
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            throw new Invalid("the timestamp token cannot be read: " + e.getMessage());
        }
        if (!TSPAlgorithms.SHA256.equals(token.getTimeStampInfo().getMessageImprintAlgOID())
                || !Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(), sha256(note.getBytes(StandardCharsets.UTF_8)))) {
            throw new Invalid("the timestamp token is not over the checkpoint's note (its imprint is not SHA-256 of the note)");
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> certificates = token.getCertificates().getMatches(token.getSID());
        if (certificates.isEmpty()) {
            throw new Invalid("the timestamp token carries no certificate of its signer");
        }
        X509CertificateHolder certificate = certificates.iterator().next();
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(
                    new JcaX509CertificateConverter().getCertificate(certificate)));
        } catch (TSPException | OperatorCreationException | CertificateException e) {
            throw new Invalid("the timestamp token's signature does not verify with its certificate: " + e.getMessage());
        }
        return new Checked(token.getTimeStampInfo().getGenTime().toInstant(), certificate.getSubject().toString());
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
