package org.techtransfer.ledger.app.console;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; with an OpenID Connect provider configured it offers that instead of a password. */
@ConsolePage
class SignInPage {

    private final String oidcName;

    SignInPage(@Value("${ledger.oidc.name:}") String oidcName) {
        this.oidcName = oidcName.isBlank() ? null : oidcName;
    }

    @GetMapping("/signin")
    String signIn(Model model) {
        model.addAttribute("oidcName", oidcName);
        return "signin";
    }
}
