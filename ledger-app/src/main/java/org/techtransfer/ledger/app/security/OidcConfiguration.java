package org.techtransfer.ledger.app.security;

import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.AbstractServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.util.StringUtils;

/**
 * Sign-in with the institution's OpenID Connect provider. Made only when {@code ledger.oidc.issuer-uri} is
 * set: the provider's configuration is read at start-up from that address, and without it nothing here
 * exists and nothing asks the network.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OidcConfiguration.IssuerConfigured.class)
class OidcConfiguration {

    /** The registration's id, in the button's address and in the redirect URI the provider must allow. */
    static final String REGISTRATION = "ledger";

    @Bean
    OidcSignIn oidcSignIn(OidcProperties properties) {
        if (!StringUtils.hasText(properties.clientId()) || !StringUtils.hasText(properties.clientSecret())) {
            throw new IllegalStateException("LEDGER_OIDC_ISSUER_URI is set: LEDGER_OIDC_CLIENT_ID and"
                    + " LEDGER_OIDC_CLIENT_SECRET are needed too (ledger.oidc.client-id, ledger.oidc.client-secret)");
        }
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                .registrationId(REGISTRATION)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .scope(properties.scopes())
                .clientName(properties.name())
                .build();
        return new OidcSignIn(registration, new LedgerOidcUsers(properties));
    }

    /**
     * The provider sends people back with a cross-site redirect, on which browsers withhold a
     * SameSite=Strict cookie: the session that holds the sign-in's state would be missing. Lax still keeps
     * the cookie off cross-site posts, and every form carries a CSRF token anyway.
     */
    @Bean
    WebServerFactoryCustomizer<AbstractServletWebServerFactory> laxSessionCookie() {
        return factory -> factory.getSession().getCookie().setSameSite(Cookie.SameSite.LAX);
    }

    static final class IssuerConfigured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("ledger.oidc.issuer-uri"));
        }
    }
}
