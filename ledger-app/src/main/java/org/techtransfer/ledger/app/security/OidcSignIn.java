package org.techtransfer.ledger.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import java.io.IOException;

/** The console's sign-in through the provider: the sign-in page's button starts it, the provider ends it. */
final class OidcSignIn {

    private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

    private final ClientRegistration registration;
    private final LedgerOidcUsers users;

    OidcSignIn(ClientRegistration registration, LedgerOidcUsers users) {
        this.registration = registration;
        this.users = users;
    }

    void configure(HttpSecurity http) throws Exception {
        http.oauth2Login(login -> login
                .loginPage("/signin")
                .clientRegistrationRepository(new InMemoryClientRegistrationRepository(registration))
                // the provider's tokens live in the session and end with it, at sign-out or time-out
                .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                .userInfoEndpoint(info -> info.oidcUserService(users))
                .defaultSuccessUrl("/", false)
                .failureHandler(OidcSignIn::failed)
                .permitAll());
    }

    /** Back to the sign-in page, which says why in the reader's language; the details go to the log. */
    private static void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean refused = e instanceof OAuth2AuthenticationException oauth
                && LedgerOidcUsers.REFUSED.equals(oauth.getError().getErrorCode());
        if (!refused) {
            log.warn("OpenID Connect sign-in failed: {}", e.getMessage());
        }
        response.sendRedirect(request.getContextPath() + "/signin?" + (refused ? "refused" : "oidcFailed"));
    }
}
