package org.techtransfer.ledger.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Sign-in to the console with the institution's OpenID Connect provider, on when {@code issuerUri} is set
 * (docs/operations.md). The claims named here give the ledger's role, the recorder's institution and the
 * name recorded as the actor of what the person does (the subject when that claim is missing).
 */
@ConfigurationProperties("ledger.oidc")
public record OidcProperties(String issuerUri, String clientId, String clientSecret, String name,
                             String roleClaim, String institutionClaim, String usernameClaim, List<String> scopes) {

    public boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }
}
