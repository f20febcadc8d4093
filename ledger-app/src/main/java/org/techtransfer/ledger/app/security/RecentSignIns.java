package org.techtransfer.ledger.app.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic sends the password with every request, and bcrypt is slow on purpose (tens of
 * milliseconds at production cost). A successful sign-in is therefore remembered for a short while,
 * keyed by the user and a SHA-256 of the password given (never the password itself), so that a client
 * pays bcrypt once per {@code ttl} rather than once per request. A wrong password is always checked by bcrypt.
 */
class RecentSignIns implements AuthenticationProvider {

    private record SignIn(Authentication authentication, Instant expires) {
    }

    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider bcrypt;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, SignIn> recent = new ConcurrentHashMap<>();

    RecentSignIns(AuthenticationProvider bcrypt, Duration ttl, Clock clock) {
        this.bcrypt = bcrypt;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String key = attempt.getName() + ':' + sha256(String.valueOf(attempt.getCredentials()));
        Instant now = clock.instant();
        SignIn known = recent.get(key);
        if (known != null && known.expires().isAfter(now)) {
            return known.authentication();
        }
        Authentication checked = bcrypt.authenticate(attempt);
        if (checked == null || !(checked.getPrincipal() instanceof LedgerUser user)) {
            return checked;
        }
        // what is remembered holds neither the password nor its bcrypt hash
        Authentication remembered = UsernamePasswordAuthenticationToken.authenticated(
                new LedgerUser(user.getUsername(), "", user.role(), user.institutionId(), user.approvalLevel()), null, checked.getAuthorities());
        if (recent.size() >= MAX_ENTRIES) {
            recent.clear();
        }
        recent.put(key, new SignIn(remembered, now.plus(ttl)));
        return remembered;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
