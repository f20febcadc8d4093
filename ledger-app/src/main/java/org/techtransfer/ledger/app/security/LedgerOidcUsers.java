package org.techtransfer.ledger.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Who a person signed in by the provider is in the ledger: the role claim names one {@link Role} (a string,
 * or a list such as a provider's groups in which exactly one entry names a role), and a RECORDER's
 * institution claim its institution. Anyone else is refused here, before a session is made.
 */
class LedgerOidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The error code of a refusal, which the sign-in page explains. */
    static final String REFUSED = "ledger_user_refused";

    private static final Logger log = LoggerFactory.getLogger(LedgerOidcUsers.class);

    private final OidcUserService provider = new OidcUserService();
    private final OidcProperties properties;

    LedgerOidcUsers(OidcProperties properties) {
        this.properties = properties;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = provider.loadUser(request);
        String named = signedIn.getClaimAsString(properties.usernameClaim());
        String username = named == null || named.isBlank() ? signedIn.getSubject() : named;
        Role role = role(signedIn.getClaims().get(properties.roleClaim()));
        if (role == null) {
            throw refused(username, "claim " + properties.roleClaim() + " names no single role of the ledger");
        }
        String institution = null;
        if (role == Role.RECORDER) {
            institution = signedIn.getClaimAsString(properties.institutionClaim());
            if (institution == null || institution.isBlank()) {
                throw refused(username, "a RECORDER needs claim " + properties.institutionClaim());
            }
        }
        return new LedgerOidcUser(username, role, institution, signedIn);
    }

    private static Role role(Object claim) {
        if (claim instanceof String text) {
            return named(text);
        }
        if (claim instanceof Collection<?> values) {
            List<Role> roles = values.stream().map(String::valueOf).map(LedgerOidcUsers::named)
                    .filter(Objects::nonNull).distinct().toList();
            return roles.size() == 1 ? roles.get(0) : null;
        }
        return null;
    }

    private static Role named(String text) {
        return Arrays.stream(Role.values()).filter(r -> r.name().equalsIgnoreCase(text.trim())).findFirst().orElse(null);
    }

    private static OAuth2AuthenticationException refused(String username, String why) {
        log.warn("OpenID Connect sign-in of {} refused: {}", username, why);
        return new OAuth2AuthenticationException(new OAuth2Error(REFUSED, why, null));
    }
}
