package org.techtransfer.ledger.app.console;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.techtransfer.ledger.app.security.OidcProperties;

/** The sign-in page; with an OpenID Connect provider configured it offers that instead of a password. */
@ConsolePage
class SignInPage {

    private final String oidcName;

    SignInPage(OidcProperties oidc) {
        this.oidcName = oidc.enabled() ? oidc.name() : null;
    }

    @GetMapping("/signin")
    String signIn(Model model) {
        model.addAttribute("oidcName", oidcName);
        return "signin";
    }
}
