package org.techtransfer.ledger.app.security;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.util.Map;

/**
 * A person signed in through OpenID Connect: a {@link LedgerUser} to the ledger's pages and checks, an
 * {@link OidcUser} to Spring's OAuth2 client, which keeps it as the session's principal.
 */
final class LedgerOidcUser extends LedgerUser implements OidcUser {

    private final OidcUser signedIn;

    LedgerOidcUser(String username, Role role, String institutionId, OidcUser signedIn) {
        // no password: the provider has checked who this is
        super(username, "", role, institutionId);
        this.signedIn = signedIn;
    }

    @Override
    public Map<String, Object> getClaims() {
        return signedIn.getClaims();
    }

    @Override
    public OidcUserInfo getUserInfo() {
        return signedIn.getUserInfo();
    }

    @Override
    public OidcIdToken getIdToken() {
        return signedIn.getIdToken();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return signedIn.getAttributes();
    }

    @Override
    public String getName() {
        return getUsername();
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
