package org.techtransfer.ledger.app.audit;

import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A time stamping authority for the tests, on 127.0.0.1: RFC 3161 over HTTP with BouncyCastle's response generator
 * and a self-signed time stamping certificate (P-256) made here. It answers as {@link #mode} says, and can be taken
 * down and brought back on the same port.
 */
final class TestTimestampAuthority implements AutoCloseable {

    enum Mode {
        /** a token over the request's imprint, with its nonce */
        ANSWER,
        /** status rejection */
        REFUSE,
        /** a granted token over another imprint */
        WRONG_IMPRINT,
        /** answers after {@link #SLOW_MILLIS} */
        SLOW
    }

    static final long SLOW_MILLIS = 3_000;

    volatile Mode mode = Mode.ANSWER;
    final X509Certificate certificate;
    private final TimeStampResponseGenerator responses;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger serial = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final int port;
    private HttpServer server;

    TestTimestampAuthority() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Test Time Stamping Authority, O=Ledger tests");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)), name, keys.getPublic());
        // RFC 3161 2.3: the only extended key usage, critical
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", keys.getPrivate(), certificate),
                new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                new ASN1ObjectIdentifier("1.3.6.1.4.1.61046.1"));
        tokens.addCertificates(new JcaCertStore(List.of(certificate)));
        responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        server = serve(0);
        port = server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/tsa";
    }

    int requests() {
        return requests.get();
    }

    /** Nothing listens on its port any more: connections are refused. */
    void down() {
        server.stop(0);
    }

    void up() throws IOException {
        server = serve(port);
    }

    private HttpServer serve(int on) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", on), 0);
        http.setExecutor(threads);
        http.createContext("/tsa", exchange -> {
            requests.incrementAndGet();
            try {
                byte[] answer = answer(new TimeStampRequest(exchange.getRequestBody().readAllBytes())).getEncoded();
                exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        http.start();
        return http;
    }

    private TimeStampResponse answer(TimeStampRequest request) throws Exception {
        BigInteger number = BigInteger.valueOf(serial.incrementAndGet());
        switch (mode) {
            case REFUSE:
                return responses.generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.systemUnavail,
                        "the test authority refuses");
            case WRONG_IMPRINT:
                TimeStampRequestGenerator other = new TimeStampRequestGenerator();
                other.setCertReq(true);
                return responses.generate(other.generate(TSPAlgorithms.SHA256,
                        Timestamps.sha256("another note".getBytes(StandardCharsets.UTF_8)), request.getNonce()), number, new Date());
            case SLOW:
                Thread.sleep(SLOW_MILLIS);
                return responses.generate(request, number, new Date());
            default:
                return responses.generate(request, number, new Date());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
