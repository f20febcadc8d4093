package org.techtransfer.ledger.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * HTTP Basic sends the password with every request, and bcrypt is slow on purpose (tens of
 * milliseconds at production cost). A successful sign-in is therefore remembered for a short while,
 * keyed by the user and a SHA-256 of the password given (never the password itself), so that a client
 * pays bcrypt once per {@code ttl} rather than once per request (a Caffeine cache, at most 10,000 sign-ins, the
 * least used forgotten first). A wrong password is always checked by bcrypt.
 */
class RecentSignIns implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider bcrypt;
    private final Cache<String, Authentication> recent;

    RecentSignIns(AuthenticationProvider bcrypt, Duration ttl, Clock clock) {
        this.bcrypt = bcrypt;
        this.recent = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(ttl)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).executor(Runnable::run).build();
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String key = attempt.getName() + ':' + sha256(String.valueOf(attempt.getCredentials()));
        Authentication known = recent.getIfPresent(key);
        if (known != null) {
            return known;
        }
        Authentication checked = bcrypt.authenticate(attempt);
        if (checked == null || !(checked.getPrincipal() instanceof LedgerUser user)) {
            return checked;
        }
        // what is remembered holds neither the password nor its bcrypt hash
        Authentication remembered = UsernamePasswordAuthenticationToken.authenticated(
                new LedgerUser(user.getUsername(), "", user.role(), user.institutionId(), user.approvalLevel()), null, checked.getAuthorities());
        recent.put(key, remembered);
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
